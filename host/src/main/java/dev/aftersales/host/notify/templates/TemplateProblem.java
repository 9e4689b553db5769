package dev.aftersales.host.notify.templates;

/** A template that does not parse or does not render with the data given; the message names part and line. */
public class TemplateProblem extends Exception {

    public TemplateProblem(String message, Throwable cause) {
        super(message, cause);
    }
}
