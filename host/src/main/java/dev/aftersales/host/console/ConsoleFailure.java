package dev.aftersales.host.console;

/** An operator API error behind a console page, with its code (e.g. NOT_FOUND, FORBIDDEN, SERVICE_UNAVAILABLE). */
public class ConsoleFailure extends RuntimeException {

    private final String code;

    public ConsoleFailure(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static ConsoleFailure notFound() {
        return new ConsoleFailure("NOT_FOUND", "Not found");
    }
}
