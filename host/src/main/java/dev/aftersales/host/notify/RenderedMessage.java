package dev.aftersales.host.notify;

/** A message as the recipient reads it: subject, HTML part and text part. */
record RenderedMessage(String subject, String html, String text) {
}
