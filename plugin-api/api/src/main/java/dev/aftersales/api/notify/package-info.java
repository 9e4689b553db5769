/**
 * Messages to customers and guests. A feature never sends anything itself: it enqueues a
 * {@link dev.aftersales.api.notify.Notification} through {@link dev.aftersales.api.notify.Notifier} in the same
 * transaction as its own change, and the host delivers it later (consent, frequency caps, quiet hours, templates,
 * retries, unsubscribe, click tracking). See docs/notifications.md. Since plugin API 1.1 (the whole package).
 */
package dev.aftersales.api.notify;
