'use strict';
const { Args, Mutation, Resolver } = require('@nestjs/graphql');
const {
    Allow, Ctx, CustomerService, EventBus, ForbiddenError, JobQueueService, LanguageCode, Logger, OrderService,
    Permission, PluginCommonModule, ProductVariantService, PromotionCondition, RequestContextService,
    StockLevelService, Transaction, TransactionalConnection, UserInputError, VendurePlugin,
} = require('@vendure/core');
const gql = require('graphql-tag');
const { CustomerTokens } = require('./customer-tokens');
const { deliver, DeliveryRefused } = require('./delivery');
const { envelope, subscribe } = require('./events');
const { InitialSync } = require('./initial-sync');
const { Snapshots } = require('./snapshots');

const LOG = 'AftersalesPlugin';
const QUEUE = 'aftersales-webhooks';
const SYNC_QUEUE = 'aftersales-sync';

/** The plugin instance, for the resolvers (which Nest creates apart from it). */
let plugin;

/** The options given to AftersalesPlugin.init(), checked once. */
let pluginOptions;
let customerTokens;

/** Only the named customer may redeem a coupon that Aftersales issued for them. */
const aftersalesCustomer = new PromotionCondition({
    code: 'aftersales_customer',
    description: [{ languageCode: LanguageCode.en, value: 'Order belongs to the customer { customerId }' }],
    args: { customerId: { type: 'ID' } },
    check(ctx, order, args) {
        return order.customerId != null && String(order.customerId) === String(args.customerId);
    },
});

/** Shop API: a token for the signed-in customer that the Aftersales host accepts. */
class CustomerTokenResolver {
    constructor(customers) {
        this.customers = customers;
    }

    async aftersalesCustomerToken(ctx) {
        const customer = ctx.activeUserId && await this.customers.findOneByUserId(ctx, ctx.activeUserId);
        if (!customer) {
            throw new ForbiddenError();
        }
        return customerTokens.issue(customer.id);
    }
}

/**
 * Admin API: puts lines into a customer's active order (their cart in the storefront). Each line ends with at least
 * the asked quantity, so a repeated request (a retry) adds nothing twice. Answers the lines as accepted: what is
 * not for sale or not in stock is left out or lowered.
 */
class CartResolver {
    constructor(customers, orders) {
        this.customers = customers;
        this.orders = orders;
    }

    async aftersalesFillActiveOrder(ctx, args) {
        const { customerId, lines } = args.input;
        const customer = await this.customers.findOne(ctx, customerId, ['user']);
        if (!customer || !customer.user) {
            throw new UserInputError(`Customer ${customerId} has no account to hold a cart`);
        }
        const wanted = new Map();
        for (const line of lines) {
            if (!(line.quantity >= 1)) {
                throw new UserInputError(`Quantity of variant ${line.productVariantId} must be at least 1`);
            }
            const id = String(line.productVariantId);
            wanted.set(id, (wanted.get(id) || 0) + line.quantity);
        }
        let order = await this.orders.getActiveOrderForUser(ctx, customer.user.id)
            || await this.orders.create(ctx, customer.user.id);
        for (const [variantId, quantity] of wanted) {
            const existing = order.lines.find(line => String(line.productVariant.id) === variantId);
            if (existing && existing.quantity >= quantity) {
                continue;
            }
            const result = existing
                ? await this.orders.adjustOrderLine(ctx, order.id, existing.id, quantity)
                : await this.orders.addItemToOrder(ctx, order.id, variantId, quantity);
            if (result.errorCode) {
                Logger.verbose(`Variant ${variantId} not fully added: ${result.message}`, LOG);
            }
            order = await this.orders.findOne(ctx, order.id);
        }
        const accepted = [...wanted].map(([variantId, quantity]) => {
            const line = order.lines.find(l => String(l.productVariant.id) === variantId);
            return { productVariantId: variantId, quantity: Math.min(quantity, line ? line.quantity : 0) };
        }).filter(line => line.quantity > 0);
        return { orderId: order.id, orderCode: order.code, lines: accepted };
    }
}

/** Admin API: starts the initial import (see InitialSync); its progress is the queue's latest job. */
class InitialSyncResolver {
    async aftersalesInitialSync(ctx, args) {
        const since = new Date(args.input.ordersSince);
        if (Number.isNaN(since.getTime())) {
            throw new UserInputError('ordersSince must be a date');
        }
        await plugin.syncQueue.add(InitialSync.first(since.toISOString()), { retries: 10 });
        return true;
    }
}

/** Keeps each event in Vendure's job queue until the host took it; the queue retries with its back-off. */
class AftersalesPlugin {
    constructor(eventBus, jobQueues, connection, variants, stockLevels, orders, requestContexts) {
        this.eventBus = eventBus;
        this.jobQueues = jobQueues;
        this.snapshots = new Snapshots(connection, variants, stockLevels, orders, pluginOptions.productUrl);
        this.sync = new InitialSync(connection, this.snapshots, requestContexts);
        plugin = this;
    }

    /**
     * @param options.hostUrl the Aftersales host, e.g. https://aftersales.example.com
     * @param options.shopId the shop's id in Aftersales
     * @param options.webhookSecret the shop's webhook secret from Aftersales ("whsec_…")
     * @param options.tokenIssuer the issuer the Aftersales shop is configured with (e.g. the shop's URL)
     * @param options.tokenPrivateKeyPem RSA key that signs customer tokens (recommended; see README)
     * @param options.tokenLifetimeSeconds default 600
     * @param options.productUrl link to a variant in the storefront, for the mails: {slug}, {productId} and
     *        {variantId} are replaced, e.g. https://shop.example.com/product/{slug}?variant={variantId}
     * @param options.deliveryRetries how often the job queue retries a delivery (default 30)
     */
    static init(options) {
        for (const required of ['hostUrl', 'shopId', 'webhookSecret', 'tokenIssuer']) {
            if (!options || !options[required]) {
                throw new Error(`AftersalesPlugin: option ${required} is required`);
            }
        }
        if (!/^https?:\/\//.test(options.hostUrl)) {
            throw new Error('AftersalesPlugin: hostUrl must be an http(s) URL');
        }
        pluginOptions = { deliveryRetries: 30, ...options };
        customerTokens = new CustomerTokens({ issuer: options.tokenIssuer, privateKeyPem: options.tokenPrivateKeyPem,
            lifetimeSeconds: options.tokenLifetimeSeconds });
        return AftersalesPlugin;
    }

    async onModuleInit() {
        this.queue = await this.jobQueues.createQueue({
            name: QUEUE,
            process: async job => {
                try {
                    return { status: await deliver(pluginOptions, job.data) };
                } catch (error) {
                    if (error instanceof DeliveryRefused) {
                        Logger.error(error.message, LOG);
                        return { refused: error.message };
                    }
                    Logger.warn(`${error.message}; will try again`, LOG);
                    throw error;
                }
            },
        });
    }

    async onApplicationBootstrap() {
        subscribe(this.eventBus, this.snapshots, event => this.send(event));
        this.syncQueue = await this.jobQueues.createQueue({
            name: SYNC_QUEUE,
            process: async job => {
                const next = await this.sync.page(job.data, event => this.send(event), envelope);
                if (next) {
                    await this.syncQueue.add(next, { retries: 10 });
                }
                return next || { ...job.data, step: 'done' };
            },
        });
    }

    send(event) {
        return this.queue.add(event, { retries: pluginOptions.deliveryRetries });
    }
}

decorateResolver(CustomerTokenResolver, 'aftersalesCustomerToken', [Allow(Permission.Owner)], [CustomerService]);
decorateResolver(CartResolver, 'aftersalesFillActiveOrder', [Allow(Permission.UpdateOrder), Transaction()],
    [CustomerService, OrderService], true);
decorateResolver(InitialSyncResolver, 'aftersalesInitialSync',
    [Allow(Permission.ReadCatalog, Permission.ReadOrder)], [], true);
Reflect.defineMetadata('design:paramtypes', [EventBus, JobQueueService, TransactionalConnection,
    ProductVariantService, StockLevelService, OrderService, RequestContextService], AftersalesPlugin);

VendurePlugin({
    imports: [PluginCommonModule],
    compatibility: '^3.6.0',
    shopApiExtensions: {
        schema: gql`
            "A token for the Aftersales host naming the signed-in customer; valid for a few minutes."
            type AftersalesCustomerToken { token: String! expiresAt: DateTime! }
            extend type Mutation { aftersalesCustomerToken: AftersalesCustomerToken! }
        `,
        resolvers: [CustomerTokenResolver],
    },
    adminApiExtensions: {
        schema: gql`
            input AftersalesCartLineInput { productVariantId: ID! quantity: Int! }
            input AftersalesCartInput { customerId: ID! lines: [AftersalesCartLineInput!]! }
            type AftersalesCartLine { productVariantId: ID! quantity: Int! }
            type AftersalesCart { orderId: ID! orderCode: String! lines: [AftersalesCartLine!]! }
            extend type Mutation { aftersalesFillActiveOrder(input: AftersalesCartInput!): AftersalesCart! }
            input AftersalesInitialSyncInput { ordersSince: DateTime! }
            # sends every variant and the orders placed since the date to Aftersales (queue aftersales-sync)
            extend type Mutation { aftersalesInitialSync(input: AftersalesInitialSyncInput!): Boolean! }
        `,
        resolvers: [CartResolver, InitialSyncResolver],
    },
    configuration: config => {
        config.promotionOptions.promotionConditions.push(aftersalesCustomer);
        config.apiOptions.middleware.push({
            route: '/aftersales/jwks.json',
            handler: (req, res) => res.set('Cache-Control', 'public, max-age=300').json(customerTokens.jwks()),
        });
        return config;
    },
})(AftersalesPlugin);

/** Plain JavaScript has no decorator syntax: apply NestJS's decorators as TypeScript would. */
function decorateResolver(type, method, extra, dependencies, withInput = false) {
    Reflect.defineMetadata('design:paramtypes', dependencies, type);
    Resolver()(type);
    Ctx()(type.prototype, method, 0);
    if (withInput) {
        Args()(type.prototype, method, 1);
    }
    const descriptor = Object.getOwnPropertyDescriptor(type.prototype, method);
    Reflect.decorate([Mutation(), ...extra], type.prototype, method, descriptor);
}

module.exports = { AftersalesPlugin, aftersalesCustomer };
