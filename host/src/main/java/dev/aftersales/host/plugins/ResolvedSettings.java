package dev.aftersales.host.plugins;

import dev.aftersales.api.settings.SettingDefinition;
import dev.aftersales.api.settings.SettingType;
import dev.aftersales.api.settings.Settings;
import dev.aftersales.api.settings.SettingsSpec;
import java.math.BigDecimal;
import java.util.Map;

/** A feature's settings for one shop: stored values over declared defaults, read with the declared types. */
record ResolvedSettings(SettingsSpec spec, Map<String, Object> values) implements Settings {

    @Override
    public int integer(String key) {
        return ((Number) value(key, SettingType.INTEGER)).intValue();
    }

    @Override
    public BigDecimal decimal(String key) {
        return new BigDecimal(value(key, SettingType.DECIMAL).toString());
    }

    @Override
    public boolean bool(String key) {
        return (Boolean) value(key, SettingType.BOOLEAN);
    }

    @Override
    public String string(String key) {
        return (String) value(key, SettingType.STRING);
    }

    private Object value(String key, SettingType type) {
        SettingDefinition definition = spec.definition(key)
                .orElseThrow(() -> new IllegalArgumentException("No setting '" + key + "' is declared"));
        // a secret is a string only operators cannot read back
        SettingType declared = definition.type() == SettingType.SECRET ? SettingType.STRING : definition.type();
        if (declared != type) {
            throw new IllegalArgumentException("Setting '" + key + "' is " + definition.type() + ", not " + type);
        }
        Object value = values.get(key);
        return value != null ? value : definition.defaultValue();
    }
}
