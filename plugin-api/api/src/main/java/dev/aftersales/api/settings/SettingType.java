package dev.aftersales.api.settings;

/** The value types a setting may have. */
public enum SettingType {
    INTEGER, DECIMAL, BOOLEAN, STRING,
    /**
     * A string operators write but never read back (an API key, a password): the operator API and console show only
     * whether it is set. The feature reads it with {@link Settings#string}. Since plugin API 1.1.
     */
    SECRET
}
