package dev.aftersales.host.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.util.LinkedMultiValueMap;

class SettingsFormTest {

    private static final List<Map<String, Object>> DEFINITIONS = List.of(
            definition("maxLists", "INTEGER"), definition("share", "BOOLEAN"), definition("rate", "DECIMAL"),
            definition("baseUrl", "STRING"), definition("apiKey", "SECRET"));

    @Test
    void postedValuesAreSentAsTheirTypesAndWhatIsNoNumberAsTypedForTheHostToRefuse() {
        var form = new LinkedMultiValueMap<String, String>();
        form.add("_csrf", "token");
        form.add("setting.maxLists", "5");
        form.addAll("setting.share", List.of("false", "true"));
        form.add("setting.rate", "abc");
        form.add("setting.baseUrl", " https://shop.example ");
        form.add("setting.apiKey", "");

        Map<String, Object> change = SettingsForm.change(DEFINITIONS, SettingsForm.posted(form));

        assertThat(change).containsExactly(Map.entry("maxLists", 5L), Map.entry("share", true),
                Map.entry("rate", "abc"), Map.entry("baseUrl", "https://shop.example"));
    }

    @Test
    void aSecretIsNeverShownAndOnlySentWhenANewOneIsTyped() {
        // the operator API leaves secrets out of the values and names the ones that are set
        Map<String, Object> values = new HashMap<>(Map.of("rate", new BigDecimal("1.5")));

        var fields = SettingsForm.fields(DEFINITIONS, values, List.of("apiKey"), Map.of());

        Map<String, Object> apiKey = fields.get(4);
        assertThat(apiKey).containsEntry("secret", true).containsEntry("secretSet", true).containsEntry("value", "");
        assertThat(fields.get(2)).containsEntry("value", "1.5").containsEntry("step", "any");
        assertThat(SettingsForm.change(DEFINITIONS, Map.of("apiKey", "new"))).containsEntry("apiKey", "new");
    }

    private static Map<String, Object> definition(String key, String type) {
        return Map.of("key", key, "type", type, "description", key);
    }
}
