package dev.aftersales.api.notify;

/**
 * Whether the host may send a recipient messages of a category.
 *
 * <ul>
 *   <li>{@link #GRANTED} — yes: confirmed double opt-in, or (customers, non-marketing) not unsubscribed.</li>
 *   <li>{@link #PENDING} — a confirmation mail went out and is not confirmed yet.</li>
 *   <li>{@link #REVOKED} — the recipient unsubscribed (or the address is suppressed).</li>
 *   <li>{@link #NONE} — a double opt-in is needed and was never requested, or it expired unconfirmed.</li>
 * </ul>
 */
public enum ConsentState {
    GRANTED, PENDING, REVOKED, NONE;

    public boolean maySend() {
        return this == GRANTED;
    }
}
