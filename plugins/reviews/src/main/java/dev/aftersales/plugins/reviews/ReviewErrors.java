package dev.aftersales.plugins.reviews;

/** The stable user error codes of the reviews and questions mutations. */
final class ReviewErrors {

    /** The rating is not a whole number from 1 to 5. */
    static final String INVALID_RATING = "INVALID_RATING";
    /** A text is too long or a value malformed. */
    static final String INVALID = "INVALID";
    /** A photo URL is not an absolute http(s) URL. */
    static final String INVALID_URL = "INVALID_URL";
    /** More photos than the shop allows. */
    static final String TOO_MANY_PHOTOS = "TOO_MANY_PHOTOS";
    /** The shop lets only buyers review, and the customer never bought the product (or returned it). */
    static final String NOT_A_BUYER = "NOT_A_BUYER";
    /** The customer reviewed this product already: edit that review instead. */
    static final String ALREADY_REVIEWED = "ALREADY_REVIEWED";
    /** The review link's token is forged, of another shop, or expired. */
    static final String INVALID_TOKEN = "INVALID_TOKEN";
    /** The product is not one the request asked about. */
    static final String NOT_IN_REQUEST = "NOT_IN_REQUEST";
    /** The customer voted on this review already. */
    static final String ALREADY_VOTED = "ALREADY_VOTED";
    /** Customers cannot vote on their own review. */
    static final String OWN_REVIEW = "OWN_REVIEW";
    /** The review, question or answer does not exist or is not visible to the caller. */
    static final String NOT_FOUND = "NOT_FOUND";
    /** The satisfaction score is not a whole number from 0 to 10. */
    static final String INVALID_SCORE = "INVALID_SCORE";
    /** The request's satisfaction question was answered already. */
    static final String ALREADY_ANSWERED = "ALREADY_ANSWERED";
    /** Only the asker (or the shop) may accept an answer. */
    static final String NOT_ASKER = "NOT_ASKER";

    private ReviewErrors() {
    }
}
