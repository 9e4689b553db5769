/** Typed, validated per-shop settings a feature declares as data. */
package dev.aftersales.api.settings;
