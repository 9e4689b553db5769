package dev.aftersales.plugins.wishlist;

import java.util.Optional;

/**
 * What a share link signs: the list and the list's current share nonce. Unsharing clears the nonce and sharing again
 * sets a new one, so every earlier link stops matching: revocation without storing tokens.
 */
record ShareSubject(long listId, String nonce) {

    /** The subject string given to {@link dev.aftersales.api.Links#sign}. */
    String encode() {
        return listId + ":" + nonce;
    }

    /** The subject of a verified token; empty for a subject this feature did not write. */
    static Optional<ShareSubject> parse(String subject) {
        if (subject == null) {
            return Optional.empty();
        }
        int colon = subject.indexOf(':');
        if (colon <= 0 || colon == subject.length() - 1) {
            return Optional.empty();
        }
        try {
            return Optional.of(new ShareSubject(Long.parseLong(subject.substring(0, colon)),
                    subject.substring(colon + 1)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
