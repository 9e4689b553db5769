/** Scheduled work a feature runs per shop. */
package dev.aftersales.api.jobs;
