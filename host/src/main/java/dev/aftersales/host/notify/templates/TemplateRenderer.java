package dev.aftersales.host.notify.templates;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import freemarker.core.HTMLOutputFormat;
import freemarker.core.InvalidReferenceException;
import freemarker.core.ParseException;
import freemarker.core.TemplateClassResolver;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.Locale;
import java.time.ZoneId;
import java.util.Map;
import java.util.TimeZone;
import org.springframework.stereotype.Component;

/**
 * Renders templates with FreeMarker. Strict on purpose: a variable the data does not have is an error, not an
 * empty string, so an operator's template with an unknown variable is refused when saved. Templates may not
 * instantiate classes, call Java APIs or include files: operators write them, the host runs them. Every template has
 * the locale-aware formatting functions of {@link TemplateFormats}.
 */
@Component
public class TemplateRenderer {

    private final Configuration plain = configuration(false);
    private final Configuration html = configuration(true);
    private final Cache<String, Template> parsed = Caffeine.newBuilder().maximumSize(2_000).build();

    /**
     * Renders the three parts; money, dates and numbers come out in {@code locale} (see {@link TemplateFormats}),
     * times of day in {@code zone}.
     */
    public RenderedMessage render(TemplateSource source, Map<String, Object> model, Locale locale, ZoneId zone)
            throws TemplateProblem {
        return new RenderedMessage(
                render(plain, "subject", source, source.subject(), model, locale, zone).strip(),
                render(html, "html", source, source.html(), model, locale, zone),
                render(plain, "text", source, source.text(), model, locale, zone));
    }

    private String render(Configuration configuration, String part, TemplateSource source, String text,
                          Map<String, Object> model, Locale locale, ZoneId zone) throws TemplateProblem {
        String name = source.featureId() + "/" + source.template() + "_" + source.locale() + "." + part;
        try {
            Template template = parsed.get(part + "\u0000" + text, key -> parse(configuration, name, text));
            StringWriter out = new StringWriter();
            var environment = template.createProcessingEnvironment(model, out);
            environment.setLocale(locale);
            environment.setTimeZone(TimeZone.getTimeZone(zone));
            environment.process();
            return out.toString();
        } catch (UncheckedTemplateProblem e) {
            throw e.problem;
        } catch (InvalidReferenceException e) {
            throw new TemplateProblem(part + ", line " + e.getLineNumber() + ": unknown variable or missing value '"
                    + e.getBlamedExpressionString() + "'", e);
        } catch (TemplateException e) {
            throw new TemplateProblem(part + ", line " + e.getLineNumber() + ": " + firstLine(e.getMessageWithoutStackTop()), e);
        } catch (IOException e) {
            throw new TemplateProblem(part + ": " + e.getMessage(), e);
        }
    }

    private static Template parse(Configuration configuration, String name, String text) {
        try {
            return new Template(name, new StringReader(text), configuration);
        } catch (ParseException e) {
            throw new UncheckedTemplateProblem(new TemplateProblem(name.substring(name.lastIndexOf('.') + 1)
                    + ", line " + e.getLineNumber() + ", column " + e.getColumnNumber() + ": "
                    + firstLine(e.getEditorMessage()), e));
        } catch (IOException e) {
            throw new UncheckedTemplateProblem(new TemplateProblem(name + ": " + e.getMessage(), e));
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "cannot be rendered";
        }
        String line = message.strip().lines().findFirst().orElse(message);
        return line.length() > 300 ? line.substring(0, 300) : line;
    }

    private static Configuration configuration(boolean escapeHtml) {
        Configuration configuration = new Configuration(Configuration.VERSION_2_3_34);
        configuration.setDefaultEncoding("UTF-8");
        configuration.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        configuration.setLogTemplateExceptions(false);
        configuration.setWrapUncheckedExceptions(true);
        configuration.setFallbackOnNullLoopVariable(false);
        configuration.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
        configuration.setAPIBuiltinEnabled(false);
        configuration.setTemplateLoader(null); // no <#include>, <#import>: a template is one self-contained text
        configuration.setBooleanFormat("c");
        TemplateFormats.functions().forEach(configuration::setSharedVariable);
        if (escapeHtml) {
            configuration.setOutputFormat(HTMLOutputFormat.INSTANCE);
            configuration.setAutoEscapingPolicy(Configuration.ENABLE_IF_DEFAULT_AUTO_ESCAPING_POLICY);
        }
        return configuration;
    }

    /** Carries a parse problem out of the cache loader. */
    private static final class UncheckedTemplateProblem extends RuntimeException {
        private final TemplateProblem problem;

        UncheckedTemplateProblem(TemplateProblem problem) {
            super(problem.getMessage(), problem);
            this.problem = problem;
        }
    }
}
