'use strict';
const crypto = require('node:crypto');
const {
    CustomerEvent, OrderPlacedEvent, OrderStateTransitionEvent, ProductVariantEvent, ProductVariantPriceEvent,
    RefundStateTransitionEvent, StockMovementEvent,
} = require('@vendure/core');

/** Vendure order states after which Aftersales hears about every change; before them an order is a cart. */
const REPORTED_STATES = new Set(['PartiallyShipped', 'Shipped', 'PartiallyDelivered', 'Delivered', 'Cancelled']);

let lastOccurredAt = 0;

/**
 * When the change happened, in milliseconds, strictly increasing within this process: the host applies the facts
 * about one thing in this order and ignores one that is not later than what it holds.
 */
function occurredAt() {
    lastOccurredAt = Math.max(Date.now(), lastOccurredAt + 1);
    return new Date(lastOccurredAt).toISOString();
}

function envelope(type, data) {
    return { id: `evt_${crypto.randomUUID()}`, type, occurredAt: occurredAt(), data };
}

/**
 * Subscribes to the event bus and hands each change, read completely at the moment it happened, to `send`
 * (the job queue). Every event carries the whole thing, never a difference.
 */
function subscribe(eventBus, snapshots, send) {
    const variants = async (ctx, type, ids) => {
        for (const id of new Set(ids.map(String))) {
            const variant = await snapshots.variant(ctx, id);
            if (variant) {
                await send(envelope(type, variant));
            }
        }
    };
    const order = async (ctx, type, orderId) => {
        const snapshot = await snapshots.order(ctx, orderId);
        if (snapshot) {
            await send(envelope(type, snapshot));
        }
    };
    const guarded = handler => event => handler(event).catch(error =>
        require('@vendure/core').Logger.error(`Aftersales: could not queue ${event.constructor.name}: ${error.message}`,
            'AftersalesPlugin', error.stack));

    eventBus.ofType(ProductVariantEvent).subscribe(guarded(event =>
        variants(event.ctx, `variant.${event.type}`, event.entity.map(v => v.id))));
    eventBus.ofType(ProductVariantPriceEvent).subscribe(guarded(event =>
        variants(event.ctx, 'price.changed', event.entity.map(price => price.variantId))));
    eventBus.ofType(StockMovementEvent).subscribe(guarded(event =>
        variants(event.ctx, 'stock.changed', event.stockMovements.map(m => m.productVariant.id))));
    eventBus.ofType(OrderPlacedEvent).subscribe(guarded(event => order(event.ctx, 'order.placed', event.order.id)));
    eventBus.ofType(OrderStateTransitionEvent).subscribe(guarded(async event => {
        if (REPORTED_STATES.has(event.toState)) {
            await order(event.ctx, 'order.state-changed', event.order.id);
        }
    }));
    eventBus.ofType(RefundStateTransitionEvent).subscribe(guarded(async event => {
        if (event.toState === 'Settled') {
            await order(event.ctx, 'order.refunded', event.order.id);
        }
    }));
    eventBus.ofType(CustomerEvent).subscribe(guarded(async event => {
        const customer = event.entity;
        if (event.type === 'deleted') {
            await send(envelope('customer.deleted', { id: String(customer.id) }));
        } else {
            await send(envelope(`customer.${event.type}`, snapshots.customer(customer, event.ctx.languageCode)));
        }
    }));
}

module.exports = { subscribe, envelope };
