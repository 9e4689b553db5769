/**
 * The Aftersales plugin API: what a feature plugin implements and what the host gives it.
 *
 * <p>A plugin contributes one or more {@link dev.aftersales.api.Feature} extensions. The host loads them with PF4J,
 * applies their Flyway migrations, merges their GraphQL schema fragment into the schema of every shop that enables
 * them and calls them with a {@link dev.aftersales.api.FeatureContext} scoped to one shop.
 *
 * <p>Conventions a plugin follows (the testkit checks them):
 * <ul>
 *   <li>schema fragment at {@code aftersales/<featureId>/schema.graphqls}, using {@code extend type Query},
 *       {@code extend type Mutation}, {@code extend type Customer} and its own types;</li>
 *   <li>Flyway migrations under {@code aftersales/<featureId>/migration}; table names start with the feature id
 *       (dashes become underscores) and every table has a {@code shop_id} column that every query filters on;</li>
 *   <li>every mutation returns a payload with {@code userErrors: [UserError!]!};</li>
 *   <li>{@link dev.aftersales.api.Feature#export} and {@link dev.aftersales.api.Feature#erase} cover every row that
 *       names a customer.</li>
 * </ul>
 */
package dev.aftersales.api;
