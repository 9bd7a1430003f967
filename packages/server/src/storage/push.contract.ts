// Store contract, push. Web Push subscriptions: the phones that receive priority notices with Fellwatch closed.
import type { PushSubscriptionRecord, Store, UserId } from '@fellwatch/core';
import { expect, it } from 'vitest';
import { aUser, fixtureEpoch, newId } from './test-support/fixtures.js';

const T = fixtureEpoch + 7_200_000;
let counter = 0;

/** A subscription with an endpoint no other test uses; the keys only need to be text here. */
function aSubscription(
  userId: UserId,
  overrides: Partial<PushSubscriptionRecord> = {},
): PushSubscriptionRecord {
  counter += 1;
  return {
    userId,
    endpoint: `https://push.example.net/send/${newId<string>()}-${counter}`,
    p256dh: `BPublicKey${counter}`,
    auth: `auth${counter}`,
    createdAt: T,
    lastUsedAt: null,
    ...overrides,
  };
}

/** Behaviour of the push subscriptions repository; `store` returns the store under test. */
export function pushContract(store: () => Store): void {
  const push = () => store().push;

  async function aPerson(): Promise<UserId> {
    const user = aUser();
    await store().createUser(user);
    return user.id;
  }

  it('stores a person’s phones and lists them by person, oldest first', async () => {
    const ann = await aPerson();
    const bob = await aPerson();
    const annPhone = aSubscription(ann, { createdAt: T + 5 });
    const annTablet = aSubscription(ann, { createdAt: T + 1 });
    const bobPhone = aSubscription(bob);
    for (const s of [annPhone, annTablet, bobPhone])
      expect(await push().savePushSubscription(s)).toBe('created');

    expect(await push().getPushSubscription(annPhone.endpoint)).toEqual(annPhone);
    expect(await push().getPushSubscription('https://push.example.net/send/none')).toBeUndefined();
    expect(await push().listPushSubscriptions([ann])).toEqual([annTablet, annPhone]);
    const both = await push().listPushSubscriptions([bob, ann, ann]);
    expect(both).toHaveLength(3);
    expect(both.filter((s) => s.userId === ann)).toEqual([annTablet, annPhone]);
    expect(both.filter((s) => s.userId === bob)).toEqual([bobPhone]);
    expect(await push().listPushSubscriptions([])).toEqual([]);
    expect(await push().listPushSubscriptions([newId<UserId>()])).toEqual([]);
  });

  it('keeps one row per endpoint: the owner saving it again refreshes its keys and keeps its dates', async () => {
    const ann = await aPerson();
    const phone = aSubscription(ann);
    await push().savePushSubscription(phone);
    await push().markPushSubscriptionsUsed([phone.endpoint], T + 60_000);
    const again = { ...phone, p256dh: 'BNewKey', auth: 'newauth', createdAt: T + 120_000 };
    expect(await push().savePushSubscription(again)).toBe('refreshed');
    expect(await push().listPushSubscriptions([ann])).toEqual([
      { ...phone, p256dh: 'BNewKey', auth: 'newauth', lastUsedAt: T + 60_000 },
    ]);
  });

  it('leaves an endpoint with its owner when someone else saves it', async () => {
    const ann = await aPerson();
    const mallory = await aPerson();
    const phone = aSubscription(ann);
    await push().savePushSubscription(phone);
    expect(await push().savePushSubscription({ ...phone, userId: mallory, p256dh: 'BTheirs' })).toBe('taken');
    expect(await push().getPushSubscription(phone.endpoint)).toEqual(phone);
    expect(await push().listPushSubscriptions([mallory])).toEqual([]);
  });

  it('stores one row when the same new endpoint is saved twice at once', async () => {
    const ann = await aPerson();
    const phone = aSubscription(ann);
    const results = await Promise.all([
      push().savePushSubscription(phone),
      push().savePushSubscription({ ...phone, p256dh: 'BSecond' }),
    ]);
    expect(results.sort()).toEqual(['created', 'refreshed']);
    expect(await push().listPushSubscriptions([ann])).toHaveLength(1);
  });

  it('deletes an endpoint, and with an owner named only when it is theirs', async () => {
    const ann = await aPerson();
    const bob = await aPerson();
    const [one, two] = [aSubscription(ann), aSubscription(ann)];
    await push().savePushSubscription(one);
    await push().savePushSubscription(two);

    expect(await push().deletePushSubscription(one.endpoint, bob)).toBe(false);
    expect(await push().getPushSubscription(one.endpoint)).toEqual(one);
    expect(await push().deletePushSubscription(one.endpoint, ann)).toBe(true);
    expect(await push().deletePushSubscription(one.endpoint, ann)).toBe(false);
    expect(await push().deletePushSubscription(two.endpoint)).toBe(true);
    expect(await push().listPushSubscriptions([ann])).toEqual([]);
  });

  it('records when messages last reached each endpoint, leaving the others alone', async () => {
    const ann = await aPerson();
    const [used, unused] = [aSubscription(ann), aSubscription(ann, { createdAt: T + 1 })];
    await push().savePushSubscription(used);
    await push().savePushSubscription(unused);
    await push().markPushSubscriptionsUsed([used.endpoint, used.endpoint], T + 10);
    await push().markPushSubscriptionsUsed([], T + 20);
    expect(await push().listPushSubscriptions([ann])).toEqual([{ ...used, lastUsedAt: T + 10 }, unused]);
  });

  it('keeps endpoints of a few hundred characters, as real push services give', async () => {
    const ann = await aPerson();
    const long = aSubscription(ann, {
      endpoint: `https://fcm.googleapis.com/fcm/send/${'dGhpcyBpcyBhIGxvbmcgdG9rZW4'.repeat(20)}`,
    });
    await push().savePushSubscription(long);
    expect(await push().getPushSubscription(long.endpoint)).toEqual(long);
  });

  it('refuses a subscription for a person who does not exist', async () => {
    await expect(push().savePushSubscription(aSubscription(newId<UserId>()))).rejects.toMatchObject({
      code: 'not_found',
    });
  });
}
