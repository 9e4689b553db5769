'use strict';
const crypto = require('node:crypto');

/**
 * Short-lived RS256 tokens that tell Aftersales which Vendure customer calls it. The host checks them against the
 * issuer and the JWKS it is configured with for the shop (see jwks()).
 */
class CustomerTokens {
    /**
     * @param options.issuer the "iss" claim; the same string the Aftersales shop is configured with
     * @param options.privateKeyPem an RSA private key (PKCS#8 or PKCS#1 PEM). Without one a key is made at start-up,
     *        which only suits a single Vendure instance: tokens then stop working after a restart.
     * @param options.lifetimeSeconds how long a token is valid (default 600)
     */
    constructor(options) {
        if (!options.issuer) {
            throw new Error('AftersalesPlugin: tokenIssuer is required');
        }
        this.issuer = options.issuer;
        this.lifetimeSeconds = options.lifetimeSeconds || 600;
        this.privateKey = options.privateKeyPem
            ? crypto.createPrivateKey(options.privateKeyPem)
            : crypto.generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
        const publicJwk = crypto.createPublicKey(this.privateKey).export({ format: 'jwk' });
        // the key id is the RFC 7638 thumbprint, so it changes exactly when the key does
        const thumbprint = JSON.stringify({ e: publicJwk.e, kty: publicJwk.kty, n: publicJwk.n });
        this.keyId = crypto.createHash('sha256').update(thumbprint).digest('base64url');
        this.publicJwk = { ...publicJwk, kid: this.keyId, alg: 'RS256', use: 'sig' };
    }

    /** A signed token naming the customer (its Vendure id) as subject. */
    issue(customerId, now = new Date()) {
        const issuedAt = Math.floor(now.getTime() / 1000);
        const expiresAt = issuedAt + this.lifetimeSeconds;
        const header = { alg: 'RS256', typ: 'JWT', kid: this.keyId };
        const claims = { iss: this.issuer, sub: String(customerId), iat: issuedAt, exp: expiresAt };
        const signingInput = `${base64url(header)}.${base64url(claims)}`;
        const signature = crypto.sign('sha256', Buffer.from(signingInput), this.privateKey).toString('base64url');
        return { token: `${signingInput}.${signature}`, expiresAt: new Date(expiresAt * 1000) };
    }

    jwks() {
        return { keys: [this.publicJwk] };
    }
}

function base64url(json) {
    return Buffer.from(JSON.stringify(json)).toString('base64url');
}

module.exports = { CustomerTokens };
