package dev.aftersales.host.console;

import dev.aftersales.host.admin.Operator;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reports: what the shop's messages caused per day and per feature (sent, clicked, converted, revenue), and the
 * panels plugins contribute ({@link ReportPanels}). Charts get their data as JSON in a {@code data-chart} attribute.
 */
@Controller
class ReportsController {

    private static final String NOTIFICATIONS = """
            query($id: ID!, $from: DateTime!, $to: DateTime!) { shop(id: $id) { id name notifications {
              days: report(from: $from, to: $to, period: DAY) { feature periodStart sent clicked converted revenue }
              total: report(from: $from, to: $to, period: TOTAL) { feature sent clicked converted orders revenue
                currency } } } }""";

    private final OperatorApi api;
    private final ReportPanels panels;
    private final JsonMapper json;
    private final MessageSource messages;
    private final Clock clock;

    ReportsController(OperatorApi api, ReportPanels panels, JsonMapper json, MessageSource messages, Clock clock) {
        this.api = api;
        this.panels = panels;
        this.json = json;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/admin/shops/{shopId}/reports")
    String reports(@AuthenticationPrincipal Operator operator, @PathVariable String shopId,
                   @RequestParam(defaultValue = "30") int days, Model model) {
        int span = Math.clamp(days, 1, 366);
        Instant to = clock.instant().truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(1));
        Instant from = to.minus(Duration.ofDays(span));
        OperatorAnswer answer = api.call(operator, NOTIFICATIONS,
                Map.of("id", shopId, "from", from.toString(), "to", to.toString()));
        if (answer.map("shop") == null) {
            throw ConsoleFailure.notFound();
        }
        model.addAttribute("shop", answer.map("shop"));
        model.addAttribute("days", span);
        model.addAttribute("messagesChart", json.writeValueAsString(
                messagesChart(answer.list("shop.notifications.days"), from, span)));
        model.addAttribute("totals", answer.list("shop.notifications.total"));
        model.addAttribute("panels", panels.panels().stream().map(panel -> render(operator, shopId, panel)).toList());
        model.addAttribute("section", "reports");
        return "console/reports";
    }

    /** One line per measure, summed over features, one point per day (days without messages are 0). */
    private Map<String, Object> messagesChart(List<Map<String, Object>> rows, Instant from, int span) {
        LocalDate first = LocalDate.ofInstant(from, ZoneOffset.UTC);
        List<String> labels = new ArrayList<>();
        for (int day = 0; day < span; day++) {
            labels.add(first.plusDays(day).toString());
        }
        List<Map<String, Object>> datasets = new ArrayList<>();
        for (String measure : List.of("sent", "clicked", "converted", "revenue")) {
            Map<String, BigDecimal> perDay = new TreeMap<>();
            rows.forEach(row -> perDay.merge((String) row.get("periodStart"),
                    new BigDecimal(String.valueOf(row.get(measure))), BigDecimal::add));
            Map<String, Object> dataset = new LinkedHashMap<>();
            dataset.put("label", messages.getMessage("reports.measure." + measure, null, measure,
                    LocaleContextHolder.getLocale()));
            dataset.put("data", labels.stream().map(label -> perDay.getOrDefault(label, BigDecimal.ZERO)).toList());
            dataset.put("yAxisID", "revenue".equals(measure) ? "money" : "count");
            datasets.add(dataset);
        }
        return Map.of("type", "line", "labels", labels, "datasets", datasets);
    }

    private PanelView render(Operator operator, String shopId, ReportPanels.Panel panel) {
        try {
            Object data = api.call(operator, "query($id: ID!) { shop(id: $id) { " + panel.field() + panel.selection()
                    + " } }", Map.of("id", shopId)).at("shop." + panel.field());
            return PanelView.of(panel, data, json);
        } catch (ConsoleFailure failure) {
            // e.g. the feature is disabled for this shop: the panel says so, the other panels still show
            return PanelView.failed(panel, failure.getMessage());
        }
    }
}
