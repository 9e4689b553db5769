package dev.aftersales.host.http;

import java.io.IOException;

/** A request body grew past its limit while it was read. */
public final class PayloadTooLargeException extends IOException {

    PayloadTooLargeException(long limit) {
        super("The request body is larger than " + limit + " bytes");
    }
}
