/**
 * The shop platform behind a shop: what its webhooks report ({@link dev.aftersales.api.platform.PlatformFact}) and
 * what features ask of it (carts, coupons). A {@link dev.aftersales.api.platform.Connector} plugin speaks one
 * platform's API; features use {@link dev.aftersales.api.platform.ShopPlatform} and never see which one.
 */
package dev.aftersales.api.platform;
