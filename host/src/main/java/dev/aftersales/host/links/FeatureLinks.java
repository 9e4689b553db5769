package dev.aftersales.host.links;

import dev.aftersales.api.Links;
import dev.aftersales.host.notify.tracking.NotifyLinks;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The {@link Links} a feature receives: signing and verifying its own tokens, and the URLs of its links
 * ({@code Wiring.link}), served at {@code /l/{shopId}/{token}} by {@link FeatureLinkEndpoint}. The token signs the
 * shop (not carried), the feature, the link name, the customer and the subject, so a link cannot move to another
 * shop, feature or link.
 */
@Component
public class FeatureLinks {

    static final String PURPOSE = "feature-link";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final SignedLinks signed;
    private final NotifyLinks notifyLinks;

    FeatureLinks(SignedLinks signed, NotifyLinks notifyLinks) {
        this.signed = signed;
        this.notifyLinks = notifyLinks;
    }

    public Links forFeature(String shopId, String featureId) {
        Links shopLinks = signed.forShop(shopId);
        return new Links() {
            @Override
            public String sign(String purpose, String subject, Instant expiresAt) {
                return shopLinks.sign(purpose, subject, expiresAt);
            }

            @Override
            public Optional<String> verify(String purpose, String token) {
                return shopLinks.verify(purpose, token);
            }

            @Override
            public String url(String link, String customerId, String subject, Instant expiresAt) {
                // the customer id is encoded: it may hold the separator, the subject comes last and may too
                String customer = customerId == null ? ""
                        : ENCODER.encodeToString(customerId.getBytes(StandardCharsets.UTF_8));
                return notifyLinks.baseUrl() + "/l/" + shopId + "/"
                        + shopLinks.sign(PURPOSE, featureId + "|" + link + "|" + customer + "|" + subject, expiresAt);
            }
        };
    }

    /** What a valid, unexpired link token of this shop names. */
    Optional<Target> verify(String shopId, String token) {
        return signed.forShop(shopId).verify(PURPOSE, token).flatMap(subject -> {
            String[] parts = subject.split("\\|", 4);
            if (parts.length < 4) {
                return Optional.empty();
            }
            try {
                String customer = parts[2].isEmpty() ? null
                        : new String(DECODER.decode(parts[2]), StandardCharsets.UTF_8);
                return Optional.of(new Target(parts[0], parts[1], customer, parts[3]));
            } catch (IllegalArgumentException e) {
                return Optional.empty(); // signed but not ours: cannot happen unless the format changes
            }
        });
    }

    /** A link: the feature and its link name, for whom, about what. */
    record Target(String featureId, String link, String customerId, String subject) {
    }
}
