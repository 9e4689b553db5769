package dev.aftersales.plugins.reviews;

import dev.aftersales.api.graphql.UserError;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A review as the customer wrote it, checked: rating 1–5, title and text within bounds, photos as http(s) URLs.
 * Text is kept as the customer typed it (markup included) and escaped wherever it is shown.
 */
record ReviewInput(int rating, String title, String text, List<String> photoUrls, String authorName) {

    static final int MAX_TITLE = 200;
    static final int MAX_TEXT = 5000;
    static final int MAX_AUTHOR = 100;

    /** The checked input, or the user errors that explain what is wrong (then nothing may be stored). */
    static Checked check(Map<String, Object> input, int maxPhotos) {
        List<UserError> errors = new ArrayList<>();
        Object ratingValue = input.get("rating");
        int rating = ratingValue instanceof Number number ? number.intValue() : 0;
        if (rating < 1 || rating > 5) {
            errors.add(UserError.of(ReviewErrors.INVALID_RATING, "The rating must be a whole number from 1 to 5",
                    "input", "rating"));
        }
        String title = trimmed(input.get("title"));
        if (title.length() > MAX_TITLE) {
            errors.add(UserError.of(ReviewErrors.INVALID, "The title may have at most " + MAX_TITLE + " characters",
                    "input", "title"));
        }
        String text = trimmed(input.get("text"));
        if (text.length() > MAX_TEXT) {
            errors.add(UserError.of(ReviewErrors.INVALID, "The text may have at most " + MAX_TEXT + " characters",
                    "input", "text"));
        }
        String author = trimmed(input.get("authorName"));
        if (author.length() > MAX_AUTHOR) {
            errors.add(UserError.of(ReviewErrors.INVALID, "The name may have at most " + MAX_AUTHOR + " characters",
                    "input", "authorName"));
        }
        List<String> photos = new ArrayList<>();
        if (input.get("photoUrls") instanceof List<?> urls) {
            if (urls.size() > maxPhotos) {
                errors.add(UserError.of(ReviewErrors.TOO_MANY_PHOTOS, "At most " + maxPhotos + " photos per review",
                        "input", "photoUrls"));
            }
            for (Object url : urls) {
                String candidate = url == null ? "" : url.toString().strip();
                if (!HttpUrls.isHttp(candidate)) {
                    errors.add(UserError.of(ReviewErrors.INVALID_URL,
                            "Photo URLs must be absolute http or https URLs", "input", "photoUrls"));
                    break;
                }
                photos.add(candidate);
            }
        }
        ReviewInput review = new ReviewInput(rating, title, text, List.copyOf(photos), author.isEmpty() ? null : author);
        return new Checked(errors.isEmpty() ? review : null, List.copyOf(errors));
    }

    private static String trimmed(Object value) {
        return value == null ? "" : value.toString().strip();
    }

    /** Whether the shop's auto-approval rule lets this review through without a person looking at it. */
    boolean autoApproved(ReviewsSettings settings, boolean verified) {
        return settings.autoApprove() && verified && rating >= settings.autoApproveMinRating()
                && !HttpUrls.containsLink(title) && !HttpUrls.containsLink(text);
    }

    /** Either a review or the errors. */
    record Checked(ReviewInput review, List<UserError> errors) {
    }
}
