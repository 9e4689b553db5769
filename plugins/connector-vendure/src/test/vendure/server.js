'use strict';
/*
 * Starts the test shop: Vendure 3 with the Aftersales plugin on a fresh sql.js database, populated with the sample
 * data of this folder, the job queue running in the same process. Prints "VENDURE READY" when it takes requests.
 * Configured by environment variables (the end-to-end test sets them).
 */
const path = require('node:path');
const fs = require('node:fs');
const { bootstrap, DefaultJobQueuePlugin, dummyPaymentHandler, JobQueueService, mergeConfig } = require('@vendure/core');
const { defaultConfig } = require('@vendure/core');
const { populate } = require('@vendure/core/cli');
const { AftersalesPlugin } = require(process.env.AFTERSALES_VENDURE_PLUGIN);

const port = Number(process.env.VENDURE_PORT);
const database = path.join(__dirname, 'shop.sqlite');
fs.rmSync(database, { force: true });

const config = {
    apiOptions: { port, hostname: '127.0.0.1', adminApiPath: 'admin-api', shopApiPath: 'shop-api' },
    authOptions: {
        tokenMethod: ['bearer', 'api-key'],
        requireVerification: false,
        superadminCredentials: { identifier: 'superadmin', password: 'superadmin' },
        cookieOptions: { secret: 'e2e-cookie-secret' },
    },
    dbConnectionOptions: { type: 'sqljs', location: database, autoSave: true, synchronize: true, logging: false },
    paymentOptions: { paymentMethodHandlers: [dummyPaymentHandler] },
    plugins: [
        DefaultJobQueuePlugin.init({ pollInterval: 100, backoffStrategy: () => 500 }),
        AftersalesPlugin.init({
            hostUrl: process.env.AFTERSALES_HOST_URL,
            shopId: process.env.AFTERSALES_SHOP_ID,
            webhookSecret: process.env.AFTERSALES_WEBHOOK_SECRET,
            tokenIssuer: `http://127.0.0.1:${port}`,
            productUrl: `http://127.0.0.1:${port}/product/{slug}?variant={variantId}`,
        }),
    ],
};

populate(() => bootstrap(mergeConfig(defaultConfig, config)), require('./initial-data'),
    path.join(__dirname, 'products.csv'))
    .then(async app => {
        await app.get(JobQueueService).start();
        console.log('VENDURE READY');
    })
    .catch(error => {
        console.error(error);
        process.exit(1);
    });
