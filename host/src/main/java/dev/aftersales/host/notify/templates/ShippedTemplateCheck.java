package dev.aftersales.host.notify.templates;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import org.springframework.stereotype.Component;

/**
 * The "templates render" check of a plugin: every template it ships, in every locale, renders with the sample data
 * of its {@code <name>.json}. Meant for the plugin conformance checks the testkit runs before a plugin's tests.
 */
@Component
public class ShippedTemplateCheck {

    private final TemplateSources sources;
    private final TemplateOverrides overrides;

    ShippedTemplateCheck(TemplateSources sources, TemplateOverrides overrides) {
        this.sources = sources;
        this.overrides = overrides;
    }

    /** One line per template that does not render, naming feature, template, locale and the problem. */
    public List<String> problems(String featureId) {
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, SortedSet<String>> template : sources.shippedTemplates(featureId).entrySet()) {
            for (String locale : template.getValue()) {
                var source = sources.shipped(featureId, template.getKey(), locale);
                if (source.isEmpty()) {
                    problems.add(featureId + ": template " + template.getKey() + "_" + locale
                            + " needs .subject, .html and .txt");
                    continue;
                }
                overrides.check(featureId, template.getKey(), locale, source.get().subject(), source.get().html(),
                        source.get().text()).forEach(error -> problems.add(featureId + ": template "
                        + template.getKey() + "_" + locale + " does not render with its sample data: "
                        + error.message()));
            }
        }
        return problems;
    }
}
