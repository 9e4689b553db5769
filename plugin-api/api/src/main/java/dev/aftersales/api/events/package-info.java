/**
 * Events features react to: what happened in the shop (orders, stock, prices, customers) and what other features
 * announce (a wishlist item added). Events are records in this package so every plugin sees the same class.
 */
package dev.aftersales.api.events;
