package dev.aftersales.api.settings;

/** The value types a setting may have. */
public enum SettingType {
    INTEGER, DECIMAL, BOOLEAN, STRING
}
