'use strict';
const { ProductVariant, translateDeep } = require('@vendure/core');

/**
 * Reads what changed into the shapes the Aftersales connector reads. They are the same objects (field for field)
 * as the connector's Admin API queries return, so the connector has one mapping for webhooks and for fetches:
 * Vendure's own field names, money in minor units with its currency code, Vendure's order states.
 */
class Snapshots {
    /** @param productUrl template of a variant's storefront link: {slug}, {productId} and {variantId} are replaced */
    constructor(connection, productVariantService, stockLevelService, orderService, productUrl) {
        this.connection = connection;
        this.productUrl = productUrl;
        this.variants = productVariantService;
        this.stockLevels = stockLevelService;
        this.orders = orderService;
    }

    /** The variant as it is now; a deleted one (Vendure keeps it, soft-deleted) with "deleted": true. */
    async variant(ctx, variantId) {
        const entity = await this.connection.getRepository(ctx, ProductVariant).findOne({
            where: { id: variantId },
            withDeleted: true,
            relations: ['product', 'featuredAsset', 'product.featuredAsset', 'taxCategory', 'translations',
                'product.translations'],
        });
        if (!entity) {
            return undefined;
        }
        const variant = translateDeep(await this.variants.applyChannelPriceAndTax(entity, ctx, undefined, false),
            ctx.languageCode, ['product']);
        const stock = await this.stockLevels.getAvailableStock(ctx, variant.id);
        return {
            id: String(variant.id),
            sku: variant.sku || null,
            name: variant.name,
            enabled: variant.enabled && variant.deletedAt == null,
            deleted: variant.deletedAt != null,
            priceWithTax: variant.priceWithTax,
            currencyCode: variant.currencyCode,
            stockOnHand: stock.stockOnHand,
            stockAllocated: stock.stockAllocated,
            outOfStockThreshold: variant.outOfStockThreshold,
            useGlobalOutOfStockThreshold: variant.useGlobalOutOfStockThreshold,
            trackInventory: variant.trackInventory,
            updatedAt: variant.updatedAt,
            url: this.link(variant),
            product: {
                id: String(variant.productId),
                name: variant.product && variant.product.name,
                slug: variant.product && variant.product.slug,
                enabled: variant.product ? variant.product.enabled : true,
                featuredAsset: asset(variant.product && variant.product.featuredAsset),
            },
            featuredAsset: asset(variant.featuredAsset),
        };
    }

    link(variant) {
        if (!this.productUrl || !variant.product) {
            return null;
        }
        return this.productUrl.replace('{slug}', encodeURIComponent(variant.product.slug || ''))
            .replace('{productId}', encodeURIComponent(String(variant.productId)))
            .replace('{variantId}', encodeURIComponent(String(variant.id)));
    }

    /** The order with its lines, or undefined while it is not placed (a cart is nobody's business but the shop's). */
    async order(ctx, orderId) {
        const order = await this.orders.findOne(ctx, orderId, ['customer', 'lines', 'lines.productVariant',
            'lines.productVariant.product', 'lines.productVariant.translations',
            'lines.productVariant.product.translations']);
        if (!order || !order.orderPlacedAt || !order.customer) {
            return undefined;
        }
        return {
            id: String(order.id),
            code: order.code,
            state: order.state,
            orderPlacedAt: order.orderPlacedAt,
            updatedAt: order.updatedAt,
            totalWithTax: order.totalWithTax,
            currencyCode: order.currencyCode,
            customer: { id: String(order.customer.id) },
            lines: order.lines.map(line => ({
                id: String(line.id),
                quantity: line.quantity,
                orderPlacedQuantity: line.orderPlacedQuantity,
                unitPriceWithTax: line.unitPriceWithTax,
                productVariant: {
                    id: String(line.productVariant.id),
                    name: translated(line.productVariant, ctx),
                    product: {
                        id: String(line.productVariant.productId),
                        name: translated(line.productVariant.product, ctx),
                    },
                },
            })),
        };
    }

    customer(customer, languageCode) {
        return {
            id: String(customer.id),
            emailAddress: customer.emailAddress || null,
            languageCode: languageCode || null,
            updatedAt: customer.updatedAt,
        };
    }
}

function asset(entity) {
    return entity && entity.preview ? { preview: entity.preview } : null;
}

/** The name in the request's language, or the first translation when that language has none. */
function translated(entity, ctx) {
    if (entity.name) {
        return entity.name;
    }
    const translations = entity.translations || [];
    const match = translations.find(t => t.languageCode === ctx.languageCode) || translations[0];
    return match ? match.name : String(entity.id);
}

module.exports = { Snapshots };
