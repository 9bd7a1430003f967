// Store contract, part three: appending with gapless sequences and group commit, edits, deletes, paging.
import type { GroupId, MediaId, MessageId, Store, UserId } from '@fellwatch/core';
import { expect, it } from 'vitest';
import { SqlStore } from './sql/sql-store.js';
import { aGroupWithMember, aMessage, aUser, fixtureEpoch, newId } from './test-support/fixtures.js';

const range = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

/** Behaviour of the message repository and transactions; `store` returns the store under test. */
export function messagesContract(store: () => Store) {
  it('appends a message with the next sequence and a message.posted event, and reads it back', async () => {
    const { group, user } = await aGroupWithMember(store());
    const photoIds = [newId<MediaId>(), newId<MediaId>()];
    const input = aMessage(group.id, user.id, { photoIds, location: { lat: 54.4609, lng: -3.0886 } });
    const first = await store().appendMessage(input);
    expect(first.duplicate).toBe(false);
    expect(first.message).toEqual({
      ...input,
      seq: 1,
      editedAt: null,
      deletedAt: null,
      deletedBy: null,
      alertId: null,
    });
    expect(first.event).toEqual({
      groupId: group.id,
      seq: 1,
      type: 'message.posted',
      messageId: input.id,
      at: input.createdAt,
    });
    expect(await store().getMessage(input.id)).toEqual(first.message);
    const reply = await store().appendMessage(aMessage(group.id, user.id, { replyToId: input.id }));
    expect(reply.message.seq).toBe(2);
    expect((await store().getMessage(reply.message.id))?.replyToId).toBe(input.id);
    expect((await store().getGroup(group.id))?.lastSeq).toBe(2);
    expect(await store().getMessage(newId<MessageId>())).toBeUndefined();
  });

  it('is idempotent on (author, clientId): a retry returns the first copy and takes no sequence', async () => {
    const { group, user } = await aGroupWithMember(store());
    const input = aMessage(group.id, user.id);
    const first = await store().appendMessage(input);
    const retry = await store().appendMessage({ ...input, id: newId<MessageId>(), body: 'changed on retry' });
    expect(retry).toEqual({ ...first, duplicate: true });
    expect((await store().getGroup(group.id))?.lastSeq).toBe(1);
    expect(await store().listMessages(group.id, undefined, 10)).toHaveLength(1);
  });

  it('returns one copy when the same post arrives many times at once', async () => {
    const { group, user } = await aGroupWithMember(store());
    const input = aMessage(group.id, user.id);
    const results = await Promise.all(
      range(10).map(() => store().appendMessage({ ...input, id: newId<MessageId>() })),
    );
    expect(results.filter((r) => !r.duplicate)).toHaveLength(1);
    expect(new Set(results.map((r) => r.message.id)).size).toBe(1);
    expect((await store().getGroup(group.id))?.lastSeq).toBe(1);
  });

  it('gives 200 concurrent appends to one group the sequences 1..200, each exactly once', async () => {
    const { group, user } = await aGroupWithMember(store());
    const others = [aUser(), aUser(), aUser()];
    for (const other of others) await store().createUser(other);
    const authors = [user.id, ...others.map((o) => o.id)];
    const results = await Promise.all(
      range(200).map((i) => store().appendMessage(aMessage(group.id, authors[i % 4]!))),
    );
    expect(results.map((r) => r.message.seq).sort((a, b) => a - b)).toEqual(range(200));
    expect(results.every((r) => r.event.seq === r.message.seq && !r.duplicate)).toBe(true);
    expect((await store().getGroup(group.id))?.lastSeq).toBe(200);
    const events = await store().listEvents(group.id, 0, 1000);
    expect(events.map((e) => e.event.seq)).toEqual(range(200));
  });

  it('keeps each group’s sequence separate under concurrent appends to several groups', async () => {
    const a = await aGroupWithMember(store());
    const b = await aGroupWithMember(store());
    const results = await Promise.all(
      range(60).map((i) =>
        store().appendMessage(i % 2 ? aMessage(a.group.id, a.user.id) : aMessage(b.group.id, b.user.id)),
      ),
    );
    const seqs = (g: GroupId) =>
      results
        .filter((r) => r.message.groupId === g)
        .map((r) => r.message.seq)
        .sort((x, y) => x - y);
    expect(seqs(a.group.id)).toEqual(range(30));
    expect(seqs(b.group.id)).toEqual(range(30));
  });

  it('commits concurrent appends in batches, each resolved with its own distinct sequence', async () => {
    const { group, user } = await aGroupWithMember(store());
    const before = store() instanceof SqlStore ? (store() as SqlStore).groupCommitStats.batches : 0;
    const inputs = range(100).map(() => aMessage(group.id, user.id));
    const results = await Promise.all(inputs.map((m) => store().appendMessage(m)));
    expect(results.map((r) => r.message.id)).toEqual(inputs.map((m) => m.id));
    expect(new Set(results.map((r) => r.message.seq)).size).toBe(100);
    for (const r of results) expect(await store().getMessage(r.message.id)).toEqual(r.message);
    if (store() instanceof SqlStore) {
      const batches = (store() as SqlStore).groupCommitStats.batches - before;
      expect(batches).toBeGreaterThan(0);
      expect(batches).toBeLessThan(10);
    }
  });

  it('fails only the bad append of a batch: an unknown group or author', async () => {
    const { group, user } = await aGroupWithMember(store());
    const good = range(20).map(() => aMessage(group.id, user.id));
    const unknownGroup = aMessage(newId<GroupId>(), user.id);
    const unknownAuthor = aMessage(group.id, newId<UserId>());
    const outcomes = await Promise.allSettled([
      ...good.slice(0, 10).map((m) => store().appendMessage(m)),
      store().appendMessage(unknownGroup),
      store().appendMessage(unknownAuthor),
      ...good.slice(10).map((m) => store().appendMessage(m)),
    ]);
    expect(outcomes[10]).toMatchObject({ status: 'rejected', reason: { code: 'not_found' } });
    expect(outcomes[11]).toMatchObject({ status: 'rejected', reason: { code: 'not_found' } });
    const fulfilled = outcomes.filter((o) => o.status === 'fulfilled');
    expect(fulfilled).toHaveLength(20);
    expect(
      (await store().listMessages(group.id, undefined, 100)).map((m) => m.seq).sort((a, b) => a - b),
    ).toEqual(range(20));
    expect(await store().getMessage(unknownAuthor.id)).toBeUndefined();
  });

  it('edits a message: new body, old one kept in the history, a message.edited event', async () => {
    const { group, user } = await aGroupWithMember(store());
    const posted = await store().appendMessage(aMessage(group.id, user.id, { body: 'first' }));
    const one = await store().editMessage(posted.message.id, 'second', user.id, fixtureEpoch + 100);
    const two = await store().editMessage(posted.message.id, 'third', user.id, fixtureEpoch + 200);
    expect(one.event).toEqual({
      groupId: group.id,
      seq: 2,
      type: 'message.edited',
      messageId: posted.message.id,
      at: fixtureEpoch + 100,
    });
    expect(two.event.seq).toBe(3);
    expect(two.message).toEqual({ ...posted.message, body: 'third', editedAt: fixtureEpoch + 200 });
    expect(await store().getMessage(posted.message.id)).toEqual(two.message);
    expect(await store().listMessageEdits(posted.message.id)).toEqual([
      { messageId: posted.message.id, body: 'first', editedBy: user.id, replacedAt: fixtureEpoch + 100 },
      { messageId: posted.message.id, body: 'second', editedBy: user.id, replacedAt: fixtureEpoch + 200 },
    ]);
    await expect(store().editMessage(newId<MessageId>(), 'x', user.id, fixtureEpoch)).rejects.toMatchObject({
      code: 'not_found',
    });
    expect((await store().getGroup(group.id))?.lastSeq).toBe(3);
  });

  it('deletes a message by marking it, keeping its text, with a message.deleted event', async () => {
    const { group, user } = await aGroupWithMember(store());
    const posted = await store().appendMessage(aMessage(group.id, user.id, { body: 'keep me for admins' }));
    const change = await store().deleteMessage(posted.message.id, user.id, fixtureEpoch + 50);
    expect(change.event).toMatchObject({ seq: 2, type: 'message.deleted', messageId: posted.message.id });
    expect(await store().getMessage(posted.message.id)).toEqual({
      ...posted.message,
      deletedAt: fixtureEpoch + 50,
      deletedBy: user.id,
    });
    await expect(store().deleteMessage(newId<MessageId>(), user.id, fixtureEpoch)).rejects.toMatchObject({
      code: 'not_found',
    });
  });

  it('lists events after a sequence, in order, limited, each with its message’s current state', async () => {
    const { group, user } = await aGroupWithMember(store());
    const a = await store().appendMessage(aMessage(group.id, user.id, { body: 'a' }));
    const b = await store().appendMessage(aMessage(group.id, user.id, { body: 'b' }));
    await store().editMessage(a.message.id, 'a2', user.id, fixtureEpoch + 1);
    await store().deleteMessage(b.message.id, user.id, fixtureEpoch + 2);
    const all = await store().listEvents(group.id, 0, 100);
    expect(all.map((e) => [e.event.seq, e.event.type])).toEqual([
      [1, 'message.posted'],
      [2, 'message.posted'],
      [3, 'message.edited'],
      [4, 'message.deleted'],
    ]);
    expect(all[0]?.message).toMatchObject({
      id: a.message.id,
      body: 'a2',
      editedAt: fixtureEpoch + 1,
      seq: 1,
    });
    expect(all[1]?.message).toMatchObject({ id: b.message.id, deletedAt: fixtureEpoch + 2 });
    expect(all[3]?.event).toEqual({
      groupId: group.id,
      seq: 4,
      type: 'message.deleted',
      messageId: b.message.id,
      at: fixtureEpoch + 2,
    });
    expect((await store().listEvents(group.id, 1, 2)).map((e) => e.event.seq)).toEqual([2, 3]);
    expect(await store().listEvents(group.id, 4, 10)).toEqual([]);
    expect(await store().listEvents(group.id, 0, 0)).toEqual([]);
  });

  it('pages messages newest first, before a sequence', async () => {
    const { group, user } = await aGroupWithMember(store());
    for (let i = 0; i < 7; i++) await store().appendMessage(aMessage(group.id, user.id));
    expect((await store().listMessages(group.id, undefined, 3)).map((m) => m.seq)).toEqual([7, 6, 5]);
    expect((await store().listMessages(group.id, 5, 3)).map((m) => m.seq)).toEqual([4, 3, 2]);
    expect((await store().listMessages(group.id, 2, 3)).map((m) => m.seq)).toEqual([1]);
    expect(await store().listMessages(group.id, 1, 3)).toEqual([]);
  });

  it('commits a transaction’s writes together and returns its value', async () => {
    const { group, user } = await aGroupWithMember(store());
    const newcomer = aUser();
    const value = await store().transaction(async (tx) => {
      await tx.createUser(newcomer);
      const posted = await tx.appendMessage(aMessage(group.id, user.id));
      await tx.editMessage(posted.message.id, 'edited in the same transaction', user.id, fixtureEpoch);
      return posted.message.seq;
    });
    expect(value).toBe(1);
    expect(await store().getUser(newcomer.id)).toEqual(newcomer);
    expect((await store().getGroup(group.id))?.lastSeq).toBe(2);
  });

  it('rolls a transaction back when its work throws, giving back the sequences it took', async () => {
    const { group, user } = await aGroupWithMember(store());
    const newcomer = aUser();
    const message = aMessage(group.id, user.id);
    await expect(
      store().transaction(async (tx) => {
        await tx.createUser(newcomer);
        await tx.appendMessage(message);
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    expect(await store().getUser(newcomer.id)).toBeUndefined();
    expect(await store().getMessage(message.id)).toBeUndefined();
    expect((await store().getGroup(group.id))?.lastSeq).toBe(0);
    expect((await store().appendMessage(aMessage(group.id, user.id))).message.seq).toBe(1);
  });

  it('rolls back on a conflict inside a transaction and reports it as a conflict', async () => {
    const existing = aUser();
    await store().createUser(existing);
    const newcomer = aUser();
    await expect(
      store().transaction(async (tx) => {
        await tx.createUser(newcomer);
        await tx.createUser(aUser({ email: existing.email.toUpperCase() }));
      }),
    ).rejects.toMatchObject({ code: 'conflict' });
    expect(await store().getUser(newcomer.id)).toBeUndefined();
  });

  it('keeps gapless sequences when transactions and batched appends interleave', async () => {
    const { group, user } = await aGroupWithMember(store());
    const work = range(40).map((i) =>
      i % 4 === 0
        ? store().transaction(async (tx) => {
            await tx.appendMessage(aMessage(group.id, user.id));
            if (i % 8 === 0) throw new Error('roll back');
          })
        : store().appendMessage(aMessage(group.id, user.id)),
    );
    const outcomes = await Promise.allSettled(work);
    const committed = outcomes.filter((o) => o.status === 'fulfilled').length;
    expect(committed).toBe(35);
    const seqs = (await store().listMessages(group.id, undefined, 100))
      .map((m) => m.seq)
      .sort((a, b) => a - b);
    expect(seqs).toEqual(range(35));
    expect((await store().getGroup(group.id))?.lastSeq).toBe(35);
  });

  it('keeps media records', async () => {
    const { group, user } = await aGroupWithMember(store());
    const media = {
      id: newId<MediaId>(),
      groupId: group.id,
      uploaderId: user.id,
      sha256: 'a'.repeat(64),
      originalType: 'image/jpeg' as const,
      originalBytes: 3_456_789,
      width: 4032,
      height: 3024,
      createdAt: fixtureEpoch,
    };
    await store().createMedia(media);
    expect(await store().getMedia(media.id)).toEqual(media);
    expect(await store().getMedia(newId<MediaId>())).toBeUndefined();
    await expect(store().createMedia(media)).rejects.toMatchObject({ code: 'conflict' });
  });
}
