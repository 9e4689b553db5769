'use strict';
const { Order, ProductVariant } = require('@vendure/core');
const { IsNull, MoreThanOrEqual } = require('typeorm');

const PAGE = 50;

/**
 * The initial import: every variant, then every order placed since a date, sent to Aftersales as ordinary events
 * (the host applies them like any other). One page per job of Vendure's job queue, each job adding the next one,
 * so an import interrupted by a restart goes on where it stopped and its progress is the latest job's data.
 */
class InitialSync {
    constructor(connection, snapshots, requestContexts) {
        this.connection = connection;
        this.snapshots = snapshots;
        this.requestContexts = requestContexts;
    }

    static first(ordersSince) {
        return { step: 'variants', skip: 0, ordersSince, variantsSent: 0, ordersSent: 0 };
    }

    /** Sends one page; answers the state for the next job, or null when the import is complete. */
    async page(state, send, envelope) {
        const ctx = await this.requestContexts.create({ apiType: 'admin' });
        if (state.step === 'variants') {
            const page = await this.connection.getRepository(ctx, ProductVariant).find({
                select: ['id'], where: { deletedAt: IsNull() }, order: { id: 'ASC' }, skip: state.skip, take: PAGE,
            });
            let sent = 0;
            for (const { id } of page) {
                const variant = await this.snapshots.variant(ctx, id);
                if (variant) {
                    await send(envelope('variant.updated', variant));
                    sent++;
                }
            }
            const next = { ...state, variantsSent: state.variantsSent + sent };
            return page.length === PAGE ? { ...next, skip: state.skip + PAGE } : { ...next, step: 'orders', skip: 0 };
        }
        const page = await this.connection.getRepository(ctx, Order).find({
            select: ['id'], where: { orderPlacedAt: MoreThanOrEqual(new Date(state.ordersSince)) },
            order: { id: 'ASC' }, skip: state.skip, take: PAGE,
        });
        let sent = 0;
        for (const { id } of page) {
            const order = await this.snapshots.order(ctx, id);
            if (order) {
                await send(envelope('order.state-changed', order));
                sent++;
            }
        }
        const next = { ...state, ordersSent: state.ordersSent + sent, skip: state.skip + PAGE };
        return page.length === PAGE ? next : null;
    }
}

module.exports = { InitialSync };
