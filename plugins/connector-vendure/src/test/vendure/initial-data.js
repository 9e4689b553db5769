'use strict';
const { LanguageCode } = require('@vendure/core');

/** A small German shop: one zone, 19 % VAT, one shipping method, a payment method that settles at once. */
module.exports = {
    defaultLanguage: LanguageCode.en,
    defaultZone: 'Europe',
    countries: [{ name: 'Germany', code: 'DE', zone: 'Europe' }],
    taxRates: [{ name: 'Standard Tax', percentage: 19 }],
    shippingMethods: [{ name: 'Standard Shipping', price: 490 }],
    paymentMethods: [{
        name: 'Test Payment',
        handler: { code: 'dummy-payment-handler', arguments: [{ name: 'automaticSettle', value: 'true' }] },
    }],
    collections: [],
};
