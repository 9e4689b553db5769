package dev.aftersales.api;

/**
 * An error the client caused and should see, mapped by the host to a GraphQL error with {@code extensions.code}.
 * For expected outcomes of a mutation (a full list, an unknown item) return a {@link dev.aftersales.api.graphql.UserError}
 * in the payload instead.
 *
 * <pre>{@code
 * throw new FeatureException(ErrorCode.UNAUTHENTICATED, "Sign in to see your wishlists");
 * }</pre>
 */
public class FeatureException extends RuntimeException {

    private final ErrorCode code;

    public FeatureException(ErrorCode code, String message) {
        super(message);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }

    /** Codes a client can rely on, in {@code errors[].extensions.code}. */
    public enum ErrorCode {
        /** The request needs a signed-in customer. */
        UNAUTHENTICATED,
        /** The caller may not do this. */
        FORBIDDEN,
        /** The thing does not exist, or belongs to another shop or customer (the two are not told apart). */
        NOT_FOUND,
        /** An argument is malformed. */
        BAD_REQUEST
    }
}
