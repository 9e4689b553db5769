/** Types a feature uses to serve its GraphQL fields: resolvers, batch loaders, connections, ids and user errors. */
package dev.aftersales.api.graphql;
