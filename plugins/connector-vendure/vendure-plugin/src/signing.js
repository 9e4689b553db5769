'use strict';
const crypto = require('node:crypto');

/**
 * Standard Webhooks signature of one attempt: HMAC-SHA256 over "{id}.{timestamp}.{body}" with the key that follows
 * "whsec_" in the secret, base64 encoded. Every attempt is signed anew with the current time (the host refuses
 * timestamps older than five minutes); the id stays the same so the host can drop duplicates.
 */
function signatureHeaders(secret, id, body, nowSeconds) {
    if (typeof secret !== 'string' || !secret.startsWith('whsec_')) {
        throw new Error('The Aftersales webhook secret must start with "whsec_"');
    }
    const key = Buffer.from(secret.slice('whsec_'.length), 'base64');
    const timestamp = String(nowSeconds);
    const signature = crypto.createHmac('sha256', key).update(`${id}.${timestamp}.${body}`, 'utf8').digest('base64');
    return {
        'webhook-id': id,
        'webhook-timestamp': timestamp,
        'webhook-signature': `v1,${signature}`,
    };
}

module.exports = { signatureHeaders };
