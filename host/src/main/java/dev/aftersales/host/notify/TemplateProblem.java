package dev.aftersales.host.notify;

/** A template that does not parse or does not render with the data given; the message names part and line. */
class TemplateProblem extends Exception {

    TemplateProblem(String message, Throwable cause) {
        super(message, cause);
    }
}
