package dev.aftersales.api;

import dev.aftersales.api.settings.SettingsSpec;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What a feature is: its id (lower-case, dashes allowed, unique across plugins), a title and description shown to
 * operators, and the settings it accepts.
 *
 * <pre>{@code
 * new FeatureDescriptor("wishlist", "Wishlist", "Named wishlists per customer.", SettingsSpec.none());
 * }</pre>
 */
public record FeatureDescriptor(String id, String title, String description, SettingsSpec settings) {

    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]{1,40}");

    public FeatureDescriptor {
        Objects.requireNonNull(id, "id");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("Feature id must match " + ID.pattern() + ": " + id);
        }
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(description, "description");
        settings = settings == null ? SettingsSpec.none() : settings;
    }

    /** Resource path of the GraphQL schema fragment inside the plugin jar. */
    public String schemaResource() {
        return "aftersales/" + id + "/schema.graphqls";
    }

    /** Resource path of the feature's optional operator API fragment inside the plugin jar. */
    public String adminSchemaResource() {
        return "aftersales/" + id + "/admin.graphqls";
    }

    /** Flyway location of the feature's migrations inside the plugin jar. */
    public String migrationLocation() {
        return "classpath:aftersales/" + id + "/migration";
    }

    /** Prefix every table of this feature starts with. */
    public String tablePrefix() {
        return id.replace('-', '_') + "_";
    }
}
