package dev.aftersales.plugins.connectorrest;

/**
 * One request of the contract's platform API: {@code path} below the shop's {@code baseUrl}, a JSON body for POSTs
 * with the {@code Idempotency-Key} that stays the same across retries, and for GETs whether 404 means "none".
 */
record PlatformCall(String method, String path, String body, String idempotencyKey) {

    static PlatformCall get(String path) {
        return new PlatformCall("GET", path, null, null);
    }

    static PlatformCall post(String path, String body, String idempotencyKey) {
        return new PlatformCall("POST", path, body, idempotencyKey);
    }

    /** A GET asks whether something exists: 404 is an answer, not a failure. */
    boolean notFoundIsEmpty() {
        return "GET".equals(method);
    }
}
