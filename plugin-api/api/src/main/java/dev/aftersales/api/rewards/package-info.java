/**
 * The host's points ledger ({@link dev.aftersales.api.rewards.Rewards}, reached by
 * {@code FeatureContext.rewards()}): the only way a feature gives or takes a customer's points. Loyalty, community
 * and referral features all book into the same ledger, so a customer has one balance per shop. Since plugin API 1.1
 * (the whole package).
 */
package dev.aftersales.api.rewards;
