package dev.aftersales.host.console;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * The console speaks English and German: the browser's Accept-Language, or the operator's choice ({@code ?lang=de},
 * remembered in a cookie scoped to {@code /admin}). Everything outside the console keeps resolving the locale from
 * Accept-Language only.
 */
@Configuration(proxyBeanMethods = false)
class ConsoleLocales implements WebMvcConfigurer {

    static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.GERMAN);

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver chosen = new CookieLocaleResolver("aftersales-console-lang");
        chosen.setCookiePath("/admin");
        chosen.setCookieMaxAge(Duration.ofDays(365));
        AcceptHeaderLocaleResolver browser = new AcceptHeaderLocaleResolver();
        browser.setSupportedLocales(SUPPORTED);
        browser.setDefaultLocale(Locale.ENGLISH);
        chosen.setDefaultLocaleFunction(browser::resolveLocale);
        AcceptHeaderLocaleResolver elsewhere = new AcceptHeaderLocaleResolver();
        return new LocaleResolver() {
            @Override
            public Locale resolveLocale(HttpServletRequest request) {
                return ConsoleSecurity.CONSOLE.matches(request) ? chosen.resolveLocale(request)
                        : elsewhere.resolveLocale(request);
            }

            @Override
            public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
                Locale supported = SUPPORTED.contains(locale) ? locale : Locale.ENGLISH;
                chosen.setLocale(request, response, supported);
            }
        };
    }

    /** The console's texts ({@code console/messages*.properties}); English when a language has no text. */
    @Bean
    MessageSource messageSource() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("console/messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return messages;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor change = new LocaleChangeInterceptor();
        change.setParamName("lang");
        change.setIgnoreInvalidLocale(true);
        registry.addInterceptor(change).addPathPatterns("/admin", "/admin/**").excludePathPatterns("/admin/graphql");
    }
}
