package dev.aftersales.plugins.reviews;

import dev.aftersales.api.FeatureContext;
import dev.aftersales.api.catalog.OrderLine;
import dev.aftersales.api.catalog.Variant;
import dev.aftersales.api.events.OrderReturned;
import dev.aftersales.api.events.OrderStatusChanged;
import dev.aftersales.api.notify.Category;
import dev.aftersales.api.notify.Notification;
import dev.aftersales.api.notify.Recipient;
import dev.aftersales.plugins.reviews.jooq.tables.records.ReviewsRequestRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Review requests: scheduled when an order is delivered, sent by a job once the shop's delay has passed (the kept
 * products of the order, a signed link to the storefront's review page), and reminded only when the customer opened
 * the link and wrote no review. A return or cancellation stops the request; a request the job could not send within
 * {@link #LATE_LIMIT} of its due time is dropped rather than sent late.
 */
final class ReviewRequests {

    static final String JOB = "review-requests";
    static final Duration INTERVAL = Duration.ofMinutes(15);
    static final String TOKEN_PURPOSE = "review-request";
    /** A request is sent within this time after it is due, or never (e.g. after an outage of the jobs). */
    static final Duration LATE_LIMIT = Duration.ofDays(3);

    private static final Logger log = LoggerFactory.getLogger(ReviewRequests.class);
    private static final int BATCH = 200;

    void onStatusChanged(FeatureContext shop, OrderStatusChanged event) {
        if (event.customerId() == null) {
            return; // a guest order: nobody to write to
        }
        switch (event.to()) {
            case DELIVERED -> {
                ReviewsSettings settings = ReviewsSettings.of(shop.settings());
                Instant now = shop.clock().instant();
                RequestStore.of(shop).schedule(event.orderId(), event.customerId(), now.plus(settings.requestDelay()),
                        now);
            }
            case CANCELLED, RETURNED -> onReturned(shop, new OrderReturned(event.orderId(), event.customerId()));
            default -> { }
        }
    }

    /**
     * A return: no reminder ever follows a sent request; a request not sent yet is cancelled when nothing of the order
     * was kept, and else leaves the returned products out when it is sent.
     */
    void onReturned(FeatureContext shop, OrderReturned event) {
        boolean nothingKept = shop.orders().order(event.orderId()).map(Purchases::keptLines).orElse(List.of())
                .isEmpty();
        shop.inTransaction(tx -> {
            RequestStore requests = RequestStore.in(tx.dsl(), shop);
            requests.lock(event.orderId())
                    .filter(request -> RequestStore.SENT.equals(request.getState()) || nothingKept)
                    .ifPresent(request -> requests.cancel(event.orderId()));
            return null;
        });
    }

    void run(FeatureContext shop) {
        Instant now = shop.clock().instant();
        ReviewsSettings settings = ReviewsSettings.of(shop.settings());
        if (!HttpUrls.isHttp(settings.reviewPageUrl())) {
            log.warn("Shop {}: reviewPageUrl is not an http(s) URL; review requests wait", shop.shopId());
            return;
        }
        for (String orderId : RequestStore.of(shop).due(now, BATCH)) {
            shop.inTransaction(tx -> {
                send(shop, RequestStore.in(tx.dsl(), shop), ReviewStore.in(tx.dsl(), shop), orderId, settings, now);
                return null;
            });
        }
        for (String orderId : RequestStore.of(shop).remindersDue(now, BATCH)) {
            shop.inTransaction(tx -> {
                remind(shop, RequestStore.in(tx.dsl(), shop), orderId, settings, now);
                return null;
            });
        }
    }

    private void send(FeatureContext shop, RequestStore requests, ReviewStore reviews, String orderId,
                      ReviewsSettings settings, Instant now) {
        Optional<ReviewsRequestRecord> locked = requests.lock(orderId)
                .filter(request -> RequestStore.SCHEDULED.equals(request.getState()));
        if (locked.isEmpty()) {
            return;
        }
        ReviewsRequestRecord request = locked.get();
        Instant dueAt = ReviewStore.instant(request.getDueAt());
        List<OrderLine> kept = shop.orders().order(orderId).map(Purchases::keptLines).orElse(List.of());
        if (kept.isEmpty()) {
            requests.state(orderId, RequestStore.CANCELLED);
            return;
        }
        if (now.isAfter(dueAt.plus(LATE_LIMIT))) {
            requests.state(orderId, RequestStore.EXPIRED);
            return;
        }
        Set<String> productIds = new LinkedHashSet<>();
        for (OrderLine line : kept) {
            if (productIds.size() < settings.maxProducts()
                    && reviews.byAuthor(request.getCustomerId(), line.productId()).isEmpty()) {
                productIds.add(line.productId());
            }
        }
        if (productIds.isEmpty()) {
            requests.state(orderId, RequestStore.REVIEWED);
            return;
        }
        Instant validUntil = dueAt.plus(settings.requestValidity());
        shop.notifier().enqueue(message(shop, request, "review-request", kept, productIds, settings, validUntil)
                .dedupeKey("request:" + orderId)
                .expiresAt(now.plus(LATE_LIMIT))
                .build());
        requests.sent(orderId, List.copyOf(productIds), now,
                settings.maxReminders() > 0 ? now.plus(settings.reminderInterval()) : null);
    }

    private void remind(FeatureContext shop, RequestStore requests, String orderId, ReviewsSettings settings,
                        Instant now) {
        Optional<ReviewsRequestRecord> locked = requests.lock(orderId)
                .filter(request -> RequestStore.SENT.equals(request.getState()) && request.getOpenedAt() != null
                        && request.getReviewedAt() == null);
        if (locked.isEmpty()) {
            return;
        }
        ReviewsRequestRecord request = locked.get();
        Instant validUntil = ReviewStore.instant(request.getDueAt()).plus(settings.requestValidity());
        List<OrderLine> kept = shop.orders().order(orderId).map(Purchases::keptLines).orElse(List.of());
        if (request.getReminders() >= settings.maxReminders() || !now.isBefore(validUntil) || kept.isEmpty()) {
            requests.reminded(orderId, request.getReminders(), null);
            return;
        }
        int reminder = request.getReminders() + 1;
        shop.notifier().enqueue(message(shop, request, "review-reminder", kept,
                        new LinkedHashSet<>(RequestStore.productIds(request)), settings, validUntil)
                .dedupeKey("request:" + orderId + ":reminder:" + reminder)
                .expiresAt(now.plus(LATE_LIMIT))
                .build());
        requests.reminded(orderId, reminder,
                reminder < settings.maxReminders() ? now.plus(settings.reminderInterval()) : null);
    }

    private static Notification.Builder message(FeatureContext shop, ReviewsRequestRecord request, String template,
                                                List<OrderLine> kept, Set<String> productIds,
                                                ReviewsSettings settings, Instant validUntil) {
        String token = shop.links().sign(TOKEN_PURPOSE, request.getOrderId(), validUntil);
        String separator = settings.reviewPageUrl().contains("?") ? "&" : "?";
        Map<String, Variant> variants = shop.catalog().variants(kept.stream().map(OrderLine::variantId).toList());
        List<Map<String, Object>> products = new ArrayList<>();
        for (String productId : productIds) {
            kept.stream().filter(line -> line.productId().equals(productId)).findFirst().ifPresent(line -> {
                Variant variant = variants.get(line.variantId());
                Map<String, Object> product = new LinkedHashMap<>();
                product.put("name", variant == null ? line.name() : variant.productName());
                if (variant != null && HttpUrls.isHttp(variant.imageUrl())) {
                    product.put("imageUrl", variant.imageUrl());
                }
                products.add(product);
            });
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("orderId", request.getOrderId());
        data.put("products", products);
        data.put("reviewUrl", settings.reviewPageUrl() + separator + "token=" + token);
        data.put("validUntil", validUntil.toString());
        return Notification.to(Recipient.customer(request.getCustomerId()))
                .template(template)
                .category(Category.REMINDER)
                .data(data);
    }
}
