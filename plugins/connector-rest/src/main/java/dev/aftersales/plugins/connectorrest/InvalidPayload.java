package dev.aftersales.plugins.connectorrest;

/**
 * A payload from the platform (webhook data or an HTTP answer) that breaks the contract, naming the field by its
 * path (e.g. {@code data.lines[1].unitPrice.amount}). Callers turn it into the API's exception for their case.
 */
final class InvalidPayload extends RuntimeException {

    private final String field;

    InvalidPayload(String field, String problem) {
        super(field + " " + problem);
        this.field = field;
    }

    String field() {
        return field;
    }
}
