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
            const { full, sent } = await this.sendPage(ctx, ProductVariant, { deletedAt: IsNull() }, state.skip,
                id => this.snapshots.variant(ctx, id), variant => send(envelope('variant.updated', variant)));
            const next = { ...state, variantsSent: state.variantsSent + sent };
            return full ? { ...next, skip: state.skip + PAGE } : { ...next, step: 'orders', skip: 0 };
        }
        const { full, sent } = await this.sendPage(ctx, Order,
            { orderPlacedAt: MoreThanOrEqual(new Date(state.ordersSince)) }, state.skip,
            id => this.snapshots.order(ctx, id), order => send(envelope('order.state-changed', order)));
        const next = { ...state, ordersSent: state.ordersSent + sent, skip: state.skip + PAGE };
        return full ? next : null;
    }

    /** Reads one page of ids of `entity`, sends the snapshot of each that still exists. */
    async sendPage(ctx, entity, where, skip, snapshot, sendOne) {
        const page = await this.connection.getRepository(ctx, entity).find({
            select: ['id'], where, order: { id: 'ASC' }, skip, take: PAGE,
        });
        let sent = 0;
        for (const { id } of page) {
            const value = await snapshot(id);
            if (value) {
                await sendOne(value);
                sent++;
            }
        }
        return { full: page.length === PAGE, sent };
    }
}

module.exports = { InitialSync };
