'use strict';
const { signatureHeaders } = require('./signing');

/** Statuses that retrying the same request can never turn into a success (see docs/connector-contract.md 1.3). */
const FINAL_REFUSALS = new Set([400, 404, 413]);

class DeliveryRefused extends Error {}

/**
 * Posts one event to the host, signed for this attempt. Resolves on 2xx (202 stored, 200 duplicate); throws so
 * that the job queue tries again on anything else, except refusals that cannot change by retrying, which throw
 * DeliveryRefused (the job fails and is kept by Vendure's job queue for the operator to see).
 */
async function deliver(options, event, fetchImpl = fetch) {
    const body = JSON.stringify(event);
    const url = `${options.hostUrl.replace(/\/+$/, '')}/webhooks/${encodeURIComponent(options.shopId)}`;
    const headers = {
        'content-type': 'application/json',
        'user-agent': 'aftersales-vendure-plugin',
        ...signatureHeaders(options.webhookSecret, event.id, body, Math.floor(Date.now() / 1000)),
    };
    const response = await fetchImpl(url, {
        method: 'POST', headers, body, signal: AbortSignal.timeout(options.deliveryTimeoutMs || 10_000),
    });
    if (response.ok) {
        return response.status;
    }
    const answer = (await response.text()).slice(0, 300);
    const message = `Aftersales refused event ${event.id} (${event.type}) with HTTP ${response.status}: ${answer}`;
    throw FINAL_REFUSALS.has(response.status) ? new DeliveryRefused(message) : new Error(message);
}

module.exports = { deliver, DeliveryRefused };
