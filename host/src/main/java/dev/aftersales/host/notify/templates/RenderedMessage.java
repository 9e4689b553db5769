package dev.aftersales.host.notify.templates;

/** A message as the recipient reads it: subject, HTML part and text part. */
public record RenderedMessage(String subject, String html, String text) {
}
