package dev.aftersales.host.admin;

import graphql.schema.idl.RuntimeWiring;

/** Contributes resolvers to the operator API's schema ({@code aftersales/admin.graphqls}); one per capability. */
public interface AdminWiring {

    void wire(RuntimeWiring.Builder wiring);
}
