/** The shop's catalog and order history, as the host mirrors them. */
package dev.aftersales.api.catalog;
