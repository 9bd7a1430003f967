// Web Push subscriptions: the phones that receive priority notices with Fellwatch closed.
import type {
  EpochMs,
  PushRepository,
  PushSubscriptionRecord,
  PushSubscriptionSaved,
  UserId,
} from '@fellwatch/core';
import type { Selectable } from 'kysely';
import { guarded } from './errors.js';
import type { Atomically, Db } from './repository.js';

/** One row per endpoint: the push service's address for one browser, and whose it is. */
export interface PushSubscriptionsTable {
  endpoint: string;
  user_id: string;
  p256dh: string;
  auth: string;
  created_at: number;
  last_used_at: number | null;
}

/** This feature's tables, part of the typed schema. */
export type PushTables = {
  push_subscriptions: PushSubscriptionsTable;
};

/** The push subscriptions repository on a Kysely database (or one transaction of it). */
export class SqlPushRepository implements PushRepository {
  constructor(
    readonly db: Db,
    readonly atomically: Atomically,
  ) {}

  savePushSubscription(subscription: PushSubscriptionRecord): Promise<PushSubscriptionSaved> {
    return this.atomically(async (conn) => {
      const inserted = await guarded(() =>
        conn
          .insertInto('push_subscriptions')
          .values({
            endpoint: subscription.endpoint,
            user_id: subscription.userId,
            p256dh: subscription.p256dh,
            auth: subscription.auth,
            created_at: subscription.createdAt,
            last_used_at: subscription.lastUsedAt,
          })
          // Two saves of one new endpoint at once: the second finds the first's row below.
          .onConflict((oc) => oc.column('endpoint').doNothing())
          .returning('endpoint')
          .executeTakeFirst(),
      );
      if (inserted) return 'created';
      const refreshed = await conn
        .updateTable('push_subscriptions')
        .set({ p256dh: subscription.p256dh, auth: subscription.auth })
        .where('endpoint', '=', subscription.endpoint)
        .where('user_id', '=', subscription.userId)
        .executeTakeFirst();
      return Number(refreshed.numUpdatedRows) > 0 ? 'refreshed' : 'taken';
    });
  }

  async getPushSubscription(endpoint: string): Promise<PushSubscriptionRecord | undefined> {
    const row = await this.db
      .selectFrom('push_subscriptions')
      .selectAll()
      .where('endpoint', '=', endpoint)
      .executeTakeFirst();
    return row && toSubscription(row);
  }

  async listPushSubscriptions(userIds: readonly UserId[]): Promise<PushSubscriptionRecord[]> {
    if (userIds.length === 0) return [];
    const rows = await this.db
      .selectFrom('push_subscriptions')
      .selectAll()
      .where('user_id', 'in', [...new Set(userIds)])
      .orderBy('user_id')
      .orderBy('created_at')
      .orderBy('endpoint')
      .execute();
    return rows.map(toSubscription);
  }

  async deletePushSubscription(endpoint: string, ownerId?: UserId): Promise<boolean> {
    let query = this.db.deleteFrom('push_subscriptions').where('endpoint', '=', endpoint);
    if (ownerId !== undefined) query = query.where('user_id', '=', ownerId);
    const result = await query.executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  async markPushSubscriptionsUsed(endpoints: readonly string[], at: EpochMs): Promise<void> {
    if (endpoints.length === 0) return;
    await this.db
      .updateTable('push_subscriptions')
      .set({ last_used_at: at })
      .where('endpoint', 'in', [...new Set(endpoints)])
      .execute();
  }
}

function toSubscription(row: Selectable<PushSubscriptionsTable>): PushSubscriptionRecord {
  return {
    userId: row.user_id as UserId,
    endpoint: row.endpoint,
    p256dh: row.p256dh,
    auth: row.auth,
    createdAt: Number(row.created_at),
    lastUsedAt: row.last_used_at === null ? null : Number(row.last_used_at),
  };
}
