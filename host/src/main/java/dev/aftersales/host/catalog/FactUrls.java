package dev.aftersales.host.catalog;

import dev.aftersales.api.catalog.Variant;
import dev.aftersales.api.platform.PlatformFact;
import dev.aftersales.host.links.WebUrls;
import java.util.List;
import java.util.Optional;

/**
 * The mirror takes only http(s) URLs from the platform: features put them into mails as links, so a fact carrying
 * anything else ({@code javascript:}, {@code data:}, relative) is refused as a whole, with a reason naming the field.
 */
public final class FactUrls {

    private FactUrls() {
    }

    /** Why the facts cannot be mirrored (the first URL that is not http(s)), or empty. */
    public static Optional<String> problem(List<PlatformFact> facts) {
        for (PlatformFact fact : facts) {
            if (fact instanceof PlatformFact.VariantFact variantFact) {
                Optional<String> problem = problem(variantFact.variant());
                if (problem.isPresent()) {
                    return problem;
                }
            }
        }
        return Optional.empty();
    }

    /** Why a variant's URLs cannot be mirrored, or empty. */
    public static Optional<String> problem(Variant variant) {
        return WebUrls.problem("url", variant.url()).or(() -> WebUrls.problem("imageUrl", variant.imageUrl()))
                .map(problem -> "Variant '" + variant.id() + "' refused: " + problem);
    }
}
