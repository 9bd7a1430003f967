// Store contract, escalations. Escalations: a message or alert handed to 999, 101 or an online report, with its reference and outcome.
import type {
  Escalation,
  EscalationHistoryEntry,
  EscalationId,
  GroupId,
  MessageId,
  Store,
  UserId,
} from '@fellwatch/core';
import { expect, it } from 'vitest';
import {
  aGroup,
  aGroupWithMember,
  aMessage,
  anAlert,
  anOrganisation,
  aUser,
  fixtureEpoch,
  newId,
} from './test-support/fixtures.js';

/** An open escalation of a message, made by `by`, with a fresh id and client id. */
function anEscalation(
  groupId: GroupId,
  messageId: MessageId,
  reporterId: UserId,
  by: UserId,
  overrides: Partial<Escalation> = {},
): Escalation {
  const id = newId<EscalationId>();
  return {
    id,
    groupId,
    messageId,
    alertId: null,
    reporterId,
    escalatedBy: by,
    clientId: `esc-${id}`,
    channel: '101',
    reference: null,
    status: 'open',
    outcome: null,
    outcomeNote: null,
    consentPhone: false,
    consentEmail: false,
    consentAt: null,
    postedBackMessageId: null,
    createdAt: fixtureEpoch + 300_000,
    updatedAt: fixtureEpoch + 300_000,
    ...overrides,
  };
}

function created(e: Escalation, actorId: UserId): EscalationHistoryEntry {
  return { escalationId: e.id, at: e.createdAt, actorId, action: 'created', detail: { channel: e.channel } };
}

/** Behaviour of the escalations repository; `store` returns the store under test. */
export function escalationsContract(store: () => Store): void {
  /** A group with a reporter's message in it and an admin who escalates it. */
  async function aReportedMessage() {
    const start = await aGroupWithMember(store());
    const admin = aUser();
    await store().createUser(admin);
    const { message } = await store().appendMessage(aMessage(start.group.id, start.user.id));
    return { ...start, admin, message };
  }

  it('creates an escalation with its first history entry, and reads it back exactly', async () => {
    const { group, user, admin, message } = await aReportedMessage();
    const escalation = anEscalation(group.id, message.id, user.id, admin.id);
    const result = await store().escalations.createEscalation(escalation, created(escalation, admin.id));
    expect(result).toEqual({ escalation, duplicate: false });
    expect(await store().escalations.getEscalation(escalation.id)).toEqual(escalation);
    expect(await store().escalations.getEscalation(newId<EscalationId>())).toBeUndefined();
    expect(await store().escalations.listEscalationHistory(escalation.id)).toEqual([
      created(escalation, admin.id),
    ]);
  });

  it('is idempotent on (escalatedBy, clientId): a repeat returns the first and writes nothing', async () => {
    const { group, user, admin, message } = await aReportedMessage();
    const first = anEscalation(group.id, message.id, user.id, admin.id);
    await store().escalations.createEscalation(first, created(first, admin.id));
    const again = { ...first, id: newId<EscalationId>(), channel: '999' as const };
    const result = await store().escalations.createEscalation(again, created(again, admin.id));
    expect(result).toEqual({ escalation: first, duplicate: true });
    expect(await store().escalations.getEscalation(again.id)).toBeUndefined();
    expect(await store().escalations.listEscalationHistory(first.id)).toHaveLength(1);
    // The same client id from someone else is their own escalation.
    const other = aUser();
    await store().createUser(other);
    const theirs = anEscalation(group.id, message.id, user.id, other.id, { clientId: first.clientId });
    expect((await store().escalations.createEscalation(theirs, created(theirs, other.id))).duplicate).toBe(
      false,
    );
  });

  it('changes only the fields given, appends history in order, and keeps both in one transaction', async () => {
    const { group, user, admin, message } = await aReportedMessage();
    const e = anEscalation(group.id, message.id, user.id, admin.id);
    await store().escalations.createEscalation(e, created(e, admin.id));
    const at = e.createdAt + 1000;
    const referenced = await store().escalations.updateEscalation(
      e.id,
      { reference: 'DUR-20261129-0042', status: 'referred', updatedAt: at },
      {
        escalationId: e.id,
        at,
        actorId: admin.id,
        action: 'reference',
        detail: { from: null, to: 'DUR-20261129-0042' },
      },
    );
    expect(referenced).toEqual({ ...e, reference: 'DUR-20261129-0042', status: 'referred', updatedAt: at });
    const later = at + 1000;
    const closed = await store().escalations.updateEscalation(
      e.id,
      {
        status: 'closed',
        outcome: 'recovered',
        outcomeNote: 'Quad found in a barn.',
        consentPhone: true,
        consentEmail: false,
        consentAt: later,
        postedBackMessageId: message.id,
        updatedAt: later,
      },
      {
        escalationId: e.id,
        at: later,
        actorId: user.id,
        action: 'outcome',
        detail: { outcome: 'recovered', note: null },
      },
    );
    expect(closed).toEqual({
      ...referenced,
      status: 'closed',
      outcome: 'recovered',
      outcomeNote: 'Quad found in a barn.',
      consentPhone: true,
      consentAt: later,
      postedBackMessageId: message.id,
      updatedAt: later,
    });
    expect(await store().escalations.getEscalation(e.id)).toEqual(closed);
    const history = await store().escalations.listEscalationHistory(e.id);
    expect(history.map((h) => [h.action, h.actorId, h.at])).toEqual([
      ['created', admin.id, e.createdAt],
      ['reference', admin.id, at],
      ['outcome', user.id, later],
    ]);
    expect(history[1]?.detail).toEqual({ from: null, to: 'DUR-20261129-0042' });

    // A failing step rolls the change back with it.
    await expect(
      store().transaction(async (tx) => {
        await tx.escalations.updateEscalation(
          e.id,
          { reference: 'NEVER-SAVED', updatedAt: later + 1 },
          { escalationId: e.id, at: later + 1, actorId: admin.id, action: 'reference', detail: {} },
        );
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect((await store().escalations.getEscalation(e.id))?.reference).toBe('DUR-20261129-0042');
    expect(await store().escalations.listEscalationHistory(e.id)).toHaveLength(3);
  });

  it('answers not_found when changing an escalation that does not exist, writing no history', async () => {
    const { admin } = await aReportedMessage();
    const missing = newId<EscalationId>();
    await expect(
      store().escalations.updateEscalation(
        missing,
        { status: 'closed', updatedAt: fixtureEpoch },
        { escalationId: missing, at: fixtureEpoch, actorId: admin.id, action: 'status', detail: {} },
      ),
    ).rejects.toMatchObject({ code: 'not_found' });
    expect(await store().escalations.listEscalationHistory(missing)).toEqual([]);
  });

  it('lists per group, per organisation and per reporter, newest first, filtered by status', async () => {
    const { organisation, group, user, admin, message } = await aReportedMessage();
    const sibling = aGroup(organisation.id, { name: 'Weardale' });
    await store().createGroup(sibling);
    const { message: siblingMessage } = await store().appendMessage(aMessage(sibling.id, admin.id));
    const elsewhere = anOrganisation();
    await store().createOrganisation(elsewhere);
    const far = aGroup(elsewhere.id);
    await store().createGroup(far);
    const { message: farMessage } = await store().appendMessage(aMessage(far.id, user.id));

    const t = fixtureEpoch + 1_000_000;
    const one = anEscalation(group.id, message.id, user.id, admin.id, { createdAt: t, updatedAt: t });
    const two = anEscalation(group.id, message.id, user.id, admin.id, {
      createdAt: t + 10,
      updatedAt: t + 10,
      status: 'closed',
    });
    const three = anEscalation(sibling.id, siblingMessage.id, admin.id, admin.id, {
      createdAt: t + 20,
      updatedAt: t + 20,
    });
    const four = anEscalation(far.id, farMessage.id, user.id, admin.id, {
      createdAt: t + 30,
      updatedAt: t + 30,
    });
    for (const e of [one, two, three, four])
      await store().escalations.createEscalation(e, created(e, admin.id));

    const ids = (list: Escalation[]) => list.map((e) => e.id);
    expect(ids(await store().escalations.listGroupEscalations(group.id, { limit: 10 }))).toEqual([
      two.id,
      one.id,
    ]);
    expect(
      ids(await store().escalations.listGroupEscalations(group.id, { status: 'open', limit: 10 })),
    ).toEqual([one.id]);
    expect(ids(await store().escalations.listGroupEscalations(group.id, { limit: 1 }))).toEqual([two.id]);
    expect(
      ids(await store().escalations.listOrganisationEscalations(organisation.id, { limit: 10 })),
    ).toEqual([three.id, two.id, one.id]);
    expect(
      ids(
        await store().escalations.listOrganisationEscalations(organisation.id, {
          status: 'closed',
          limit: 10,
        }),
      ),
    ).toEqual([two.id]);
    expect(ids(await store().escalations.listOrganisationEscalations(elsewhere.id, { limit: 10 }))).toEqual([
      four.id,
    ]);
    expect(ids(await store().escalations.listReporterEscalations(user.id, 10))).toEqual([
      four.id,
      two.id,
      one.id,
    ]);
    expect(ids(await store().escalations.listReporterEscalations(admin.id, 10))).toEqual([three.id]);
  });

  it('escalates an alert through its placement message in the group', async () => {
    const { group, user, admin } = await aReportedMessage();
    const alert = anAlert(group.id, user.id);
    const { placements } = await store().createAlert(alert, { shown: [group.id], review: [] });
    const placement = placements[0]?.message;
    if (!placement) throw new Error('the alert was not placed');
    const e = anEscalation(group.id, placement.id, user.id, admin.id, { alertId: alert.id, channel: '999' });
    await store().escalations.createEscalation(e, created(e, admin.id));
    expect(await store().escalations.getEscalation(e.id)).toMatchObject({
      alertId: alert.id,
      messageId: placement.id,
    });
  });

  it('finds the replies to a message, oldest first, including deleted ones, up to a limit', async () => {
    const { group, user, admin, message } = await aReportedMessage();
    const { message: unrelated } = await store().appendMessage(aMessage(group.id, admin.id));
    const replies = [];
    for (const body of ['Saw it go past the chapel.', 'Red Honda, two up.', 'Sorry, wrong group.']) {
      replies.push(
        (await store().appendMessage(aMessage(group.id, admin.id, { body, replyToId: message.id }))).message,
      );
    }
    await store().appendMessage(aMessage(group.id, user.id, { replyToId: unrelated.id }));
    const third = replies[2] as (typeof replies)[number];
    const deleted = await store().deleteMessage(third.id, admin.id, fixtureEpoch + 999_000);
    const found = await store().escalations.listReplies(message.id, 10);
    expect(found.map((m) => m.body)).toEqual([
      'Saw it go past the chapel.',
      'Red Honda, two up.',
      'Sorry, wrong group.',
    ]);
    expect(found[2]).toEqual(deleted.message);
    expect((await store().escalations.listReplies(message.id, 2)).map((m) => m.id)).toEqual(
      replies.slice(0, 2).map((m) => m.id),
    );
    expect(await store().escalations.listReplies(replies[0]?.id as MessageId, 10)).toEqual([]);
  });
}
