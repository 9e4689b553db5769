package dev.aftersales.host.notify.admin;

import dev.aftersales.api.FeatureException;
import dev.aftersales.api.graphql.Connection;
import dev.aftersales.api.graphql.PageRequest;
import dev.aftersales.api.notify.Recipient;
import dev.aftersales.host.admin.AdminWiring;
import dev.aftersales.host.jooq.tables.records.NotifyConsentLogRecord;
import dev.aftersales.host.jooq.tables.records.NotifyConsentsRecord;
import dev.aftersales.host.jooq.tables.records.NotifyMessagesRecord;
import dev.aftersales.host.notify.RecipientKey;
import dev.aftersales.host.notify.consent.Consents;
import dev.aftersales.host.notify.outbox.Outbox;
import dev.aftersales.host.notify.settings.NotifySettings;
import dev.aftersales.host.notify.settings.NotifySettingsStore;
import dev.aftersales.host.notify.settings.SmtpServer;
import dev.aftersales.host.notify.templates.TemplateOverrides;
import dev.aftersales.host.notify.templates.TemplateSources;
import dev.aftersales.host.tenancy.Shop;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Operator API, read side: a shop's notification settings, outbox, templates, consents and reports. */
@Component
public class NotifyAdminQueries implements AdminWiring {

    private final NotifySettingsStore settings;
    private final Outbox outbox;
    private final TemplateSources sources;
    private final TemplateOverrides overrides;
    private final Consents consents;
    private final Reports reports;

    NotifyAdminQueries(NotifySettingsStore settings, Outbox outbox, TemplateSources sources,
                       TemplateOverrides overrides, Consents consents, Reports reports) {
        this.settings = settings;
        this.outbox = outbox;
        this.sources = sources;
        this.overrides = overrides;
        this.consents = consents;
        this.reports = reports;
    }

    @Override
    public void wire(RuntimeWiring.Builder wiring) {
        // the Shop resolver already checked that the key may manage this shop
        wiring.type("Shop", type -> type.dataFetcher("notifications", env -> env.<Shop>getSource().id()));
        wiring.type("ShopNotifications", type -> type
                .dataFetcher("settings", env -> view(env.getSource(), settings.of(env.getSource())))
                .dataFetcher("counts", env -> outbox.counts(env.getSource()).entrySet().stream()
                        .map(entry -> Map.of("state", entry.getKey(), "count", entry.getValue())).toList())
                .dataFetcher("messages", this::messages)
                .dataFetcher("templates", env -> sources.featuresWithTemplates().stream()
                        .flatMap(feature -> overrides.views(env.getSource(), feature).stream()).toList())
                .dataFetcher("templatePreview", env -> overrides.preview(env.getSource(), env.getArgument("feature"),
                        env.getArgument("template"), env.getArgument("locale")).orElse(null))
                .dataFetcher("report", this::report)
                .dataFetcher("consents", this::consents));
        wiring.type("NotificationMessage", type -> type
                .dataFetcher("id", env -> env.<NotifyMessagesRecord>getSource().getId())
                .dataFetcher("messageId", env -> env.<NotifyMessagesRecord>getSource().getMessageKey())
                .dataFetcher("feature", env -> env.<NotifyMessagesRecord>getSource().getFeatureId())
                .dataFetcher("createdAt", env -> env.<NotifyMessagesRecord>getSource().getCreatedAt())
                .dataFetcher("nextAttemptAt", env -> env.<NotifyMessagesRecord>getSource().getNextAttemptAt())
                .dataFetcher("sentAt", env -> env.<NotifyMessagesRecord>getSource().getSentAt())
                .dataFetcher("firstClickedAt", env -> env.<NotifyMessagesRecord>getSource().getFirstClickedAt())
                .dataFetcher("sentBy", env -> env.<NotifyMessagesRecord>getSource().getSentBy()));
    }

    private Connection<NotifyMessagesRecord> messages(DataFetchingEnvironment env) {
        PageRequest page = PageRequest.of(env.getArgument("first"), env.getArgument("after"));
        Long before;
        try {
            before = page.after().map(Long::parseLong).orElse(null);
        } catch (NumberFormatException e) {
            throw new FeatureException(FeatureException.ErrorCode.BAD_REQUEST, "'after' is not a cursor of this list");
        }
        return Connection.of(outbox.list(env.getSource(), env.getArgument("state"), before, page.first() + 1), page,
                row -> String.valueOf(row.getId()));
    }

    private List<Map<String, Object>> report(DataFetchingEnvironment env) {
        Instant from = env.getArgument("from");
        Instant to = env.getArgument("to");
        if (!from.isBefore(to)) {
            throw new FeatureException(FeatureException.ErrorCode.BAD_REQUEST, "'from' must lie before 'to'");
        }
        Reports.Period period = Reports.Period.valueOf(env.getArgumentOrDefault("period", "TOTAL"));
        return reports.report(env.getSource(), from, to, period).stream().map(row -> {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("feature", row.feature());
            view.put("periodStart", row.periodStart().toString());
            view.put("sent", row.sent());
            view.put("clicked", row.clicked());
            view.put("converted", row.converted());
            view.put("orders", row.orders());
            view.put("revenue", row.revenue().stripTrailingZeros().toPlainString());
            view.put("currency", row.currency());
            return view;
        }).toList();
    }

    private List<Map<String, Object>> consents(DataFetchingEnvironment env) {
        String shopId = env.getSource();
        String customerId = env.getArgument("customerId");
        String email = env.getArgument("email");
        if ((customerId == null) == (email == null) || email != null && !Recipient.isValidEmail(email)) {
            throw new FeatureException(FeatureException.ErrorCode.BAD_REQUEST,
                    "Name either a customerId or a valid email");
        }
        RecipientKey recipient = customerId != null ? RecipientKey.customer(customerId) : RecipientKey.guest(email);
        List<NotifyConsentLogRecord> history = consents.history(shopId, recipient);
        List<Map<String, Object>> views = new ArrayList<>();
        for (NotifyConsentsRecord row : consents.of(shopId, recipient)) {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("category", row.getCategory());
            view.put("state", row.getState());
            view.put("source", row.getSource());
            view.put("purpose", row.getPurpose());
            view.put("consentText", row.getConsentText());
            view.put("requestedBy", row.getRequestedBy());
            view.put("requestedAt", row.getRequestedAt());
            view.put("confirmedAt", row.getConfirmedAt());
            view.put("revokedAt", row.getRevokedAt());
            view.put("expiresAt", row.getExpiresAt());
            view.put("history", history.stream().filter(h -> h.getCategory().equals(row.getCategory()))
                    .map(h -> {
                        Map<String, Object> event = new LinkedHashMap<>();
                        event.put("action", h.getAction());
                        event.put("source", h.getSource());
                        event.put("consentText", h.getConsentText());
                        event.put("at", h.getHappenedAt());
                        return event;
                    }).toList());
            views.add(view);
        }
        return views;
    }

    Map<String, Object> view(String shopId, NotifySettings settings) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("senderEmail", settings.senderEmail());
        view.put("senderName", settings.senderName());
        view.put("replyTo", settings.replyTo());
        view.put("smtpHost", settings.smtp().map(SmtpServer::host).orElse(null));
        view.put("smtpPort", settings.smtp().map(SmtpServer::port).orElse(null));
        view.put("smtpUsername", settings.smtp().map(SmtpServer::username).orElse(null));
        view.put("hasSmtpPassword", this.settings.hasSmtpPassword(shopId));
        view.put("smtpStartTls", settings.smtp().map(SmtpServer::startTls).orElse(false));
        view.put("channel", settings.channel().name());
        view.put("webhookUrl", settings.webhookUrl());
        view.put("timeZone", settings.timeZone().getId());
        view.put("quietStart", settings.quietHours().map(q -> q.start().toString()).orElse(null));
        view.put("quietEnd", settings.quietHours().map(q -> q.end().toString()).orElse(null));
        view.put("capMax", settings.capMax());
        view.put("capDays", settings.capDays());
        view.put("capAction", settings.capAction().name());
        view.put("attributionDays", settings.attributionDays());
        view.put("defaultLocale", settings.defaultLocale());
        view.put("unsubscribeMailto", settings.unsubscribeMailto());
        return view;
    }
}
