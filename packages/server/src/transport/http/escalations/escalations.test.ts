// Integration tests of escalation on both engines: the lifecycle from a message to "what happened next",
// the handover pack, the reporter's consent to share contact details, and escalating an alert.
import {
  EscalationPostedBack,
  EscalationResponse,
  HandoverPack,
  MessagePage,
  ReportedEscalationList,
} from '@fellwatch/protocol';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestJpegWithGps } from '../../../media/test-support/images.js';
import { describeEngines } from '../../../storage/test-support/test-stores.js';
import { startTestServer, type TestServer, type TestUser } from '../../../test-support/harness.js';
import { newClientId } from '../messages/test-support/groups.js';
import {
  escalate,
  expectRefused,
  MIDDLETON,
  makeTeesdale,
  post,
  type Teesdale,
} from './test-support/teesdale.js';

describeEngines('escalation lifecycle', (engine) => {
  let server: TestServer;
  let t: Teesdale;

  beforeAll(async () => {
    server = await startTestServer(engine);
    t = await makeTeesdale(server);
  });
  afterAll(async () => {
    await server?.close();
  });

  async function uploadPhoto(user: TestUser): Promise<string> {
    const form = new FormData();
    form.append('photo', new Blob([await createTestJpegWithGps()], { type: 'image/jpeg' }), 'IMG_0042.jpg');
    const response = await user.request('POST', `/api/v1/groups/${t.groupId}/photos`, form);
    expect(response.status, response.text).toBe(201);
    return response.body.photo.id;
  }

  /** A report with a place, a photo, a registration and a reply that names another. */
  async function aReport() {
    const photoId = await uploadPhoto(t.reporter);
    const message = await post(t.reporter, t.groupId, {
      body: 'White pickup AB12 CDE lamping in the top field, ///filled.count.soap',
      location: MIDDLETON,
      photoIds: [photoId],
    });
    const reply = await post(t.member, t.groupId, {
      body: 'Same truck at Low Force ten minutes ago, yk70xyz on the trailer.',
      replyToId: message.id,
    });
    return { message, reply, photoId };
  }

  const history = async (user: TestUser, id: string) => {
    const response = await user.request('GET', `/api/v1/escalations/${id}`);
    expect(response.status, response.text).toBe(200);
    return EscalationResponse.parse(response.body);
  };

  it('goes from a message to a reference, a status, an outcome and "what happened next" in the group', async () => {
    const { message } = await aReport();
    const clientId = newClientId();
    const created = await escalate(t.admin, t.groupId, { messageId: message.id }, '101', clientId);
    const view = EscalationResponse.parse(created);
    expect(view.escalation).toMatchObject({
      groupId: t.groupId,
      groupName: 'Upper Teesdale',
      organisationId: t.organisationId,
      subject: { kind: 'message', messageId: message.id, alertId: null },
      channel: '101',
      reference: null,
      status: 'open',
      outcome: null,
      reporter: { id: t.reporter.user.id, displayName: 'Tom Hird' },
      escalatedBy: { id: t.admin.user.id, displayName: 'Jane Admin' },
      consent: { phone: false, email: false, at: null },
      postedBackMessageId: null,
      whatHappenedNextDraft: null,
    });
    expect(view.escalation.subject.excerpt).toContain('White pickup AB12 CDE');
    expect(view.history.map((h) => [h.action, h.by.id, h.detail])).toEqual([
      ['created', t.admin.user.id, { channel: '101' }],
    ]);
    // Repeating the request (poor signal) returns the first escalation and writes nothing.
    const again = await t.admin.request('POST', `/api/v1/groups/${t.groupId}/escalations`, {
      clientId,
      channel: '999',
      messageId: message.id,
    });
    expect(again.status, again.text).toBe(200);
    expect(again.body.escalation).toMatchObject({ id: view.escalation.id, channel: '101' });
    const id = view.escalation.id;

    const bad = await t.admin.request('PUT', `/api/v1/escalations/${id}/reference`, { reference: 'DUR#42' });
    expectRefused(bad, 400, 'invalid', 'reference');
    const tooShort = await t.admin.request('PUT', `/api/v1/escalations/${id}/reference`, {
      reference: ' 4 ',
    });
    expectRefused(tooShort, 400, 'invalid', 'reference');
    expect((await history(t.admin, id)).history).toHaveLength(1);

    const referenced = await t.admin.request('PUT', `/api/v1/escalations/${id}/reference`, {
      reference: ' Log 123 of 29/11 ',
    });
    expect(referenced.status, referenced.text).toBe(200);
    expect(referenced.body.escalation.reference).toBe('Log 123 of 29/11');
    const corrected = await t.officer.request('PUT', `/api/v1/escalations/${id}/reference`, {
      reference: 'DUR-20261129-0042',
    });
    expect(corrected.body.escalation.reference).toBe('DUR-20261129-0042');

    const referred = await t.moderator.request('POST', `/api/v1/escalations/${id}/status`, {
      status: 'referred',
    });
    expect(referred.status, referred.text).toBe(200);
    expect(referred.body.escalation.status).toBe('referred');
    const unknownStatus = await t.admin.request('POST', `/api/v1/escalations/${id}/status`, {
      status: 'lost',
    });
    expectRefused(unknownStatus, 400, 'invalid', 'status');

    const outcome = await t.admin.request('PUT', `/api/v1/escalations/${id}/outcome`, {
      outcome: 'arrest',
      note: 'Two men charged with poaching.',
    });
    expect(outcome.status, outcome.text).toBe(200);
    expect(outcome.body.escalation).toMatchObject({
      outcome: 'arrest',
      outcomeNote: 'Two men charged with poaching.',
      whatHappenedNextDraft:
        'What happened next: The police made an arrest. Two men charged with poaching.\nThank you for reporting it. It helps.',
    });
    const badOutcome = await t.admin.request('PUT', `/api/v1/escalations/${id}/outcome`, {
      outcome: 'jailed',
    });
    expectRefused(badOutcome, 400, 'invalid', 'outcome');

    const closed = await t.admin.request('POST', `/api/v1/escalations/${id}/status`, { status: 'closed' });
    expect(closed.body.escalation.status).toBe('closed');
    const back = await t.admin.request('POST', `/api/v1/escalations/${id}/status`, { status: 'open' });
    expectRefused(back, 409, 'conflict', 'status');
    const same = await t.admin.request('POST', `/api/v1/escalations/${id}/status`, { status: 'closed' });
    expect(same.status).toBe(200);

    const body = 'What happened next: the police made an arrest. Thank you Tom for posting it so quickly.';
    const postClientId = newClientId();
    const posted = await t.admin.request('POST', `/api/v1/escalations/${id}/post-back`, {
      clientId: postClientId,
      body,
    });
    expect(posted.status, posted.text).toBe(200);
    const { escalation, message: update } = EscalationPostedBack.parse(posted.body);
    expect(update).toMatchObject({
      groupId: t.groupId,
      body,
      replyToId: message.id,
      author: { id: t.admin.user.id },
    });
    expect(escalation.postedBackMessageId).toBe(update.id);
    const page = MessagePage.parse(
      (await t.member.request('GET', `/api/v1/groups/${t.groupId}/messages?limit=200`)).body,
    );
    expect(page.messages.filter((m) => m.body === body).map((m) => m.id)).toEqual([update.id]);
    // A retried post-back posts nothing new.
    const retried = await t.admin.request('POST', `/api/v1/escalations/${id}/post-back`, {
      clientId: postClientId,
      body,
    });
    expect(retried.body.message.id).toBe(update.id);

    const final = await history(t.admin, id);
    expect(final.history.map((h) => [h.action, h.by.displayName])).toEqual([
      ['created', 'Jane Admin'],
      ['reference', 'Jane Admin'],
      ['reference', 'PC Dodd'],
      ['status', 'Moss Moderator'],
      ['outcome', 'Jane Admin'],
      ['status', 'Jane Admin'],
      ['posted_back', 'Jane Admin'],
    ]);
    expect(final.history[2]?.detail).toEqual({ from: 'Log 123 of 29/11', to: 'DUR-20261129-0042' });
    expect(final.history[5]?.detail).toEqual({ from: 'referred', to: 'closed' });

    // The reporter hears how it ended (and what the group was told), not the handlers' note.
    const mine = await t.reporter.request('GET', '/api/v1/me/escalations');
    const theirs = ReportedEscalationList.parse(mine.body).escalations.find((e) => e.id === id);
    expect(theirs).toMatchObject({ status: 'closed', outcome: 'arrest', reference: 'DUR-20261129-0042' });
    expect(JSON.stringify(theirs)).not.toContain('poaching');

    const audit = await server.ctx.ports.store.listAudit({ subjectId: id, limit: 50 });
    expect(audit.map((a) => a.action).sort()).toEqual(
      [
        'escalation.created',
        'escalation.reference',
        'escalation.reference',
        'escalation.status',
        'escalation.outcome',
        'escalation.status',
        'escalation.posted_back',
      ].sort(),
    );
    expect(audit.every((a) => a.groupId === t.groupId && a.subjectType === 'escalation')).toBe(true);
  });

  it('posts nothing back until an outcome is recorded', async () => {
    const message = await post(t.reporter, t.groupId, {
      body: 'Gate left open on the fell road, sheep out.',
    });
    const { escalation } = await escalate(t.moderator, t.groupId, { messageId: message.id });
    const before = (await t.member.request('GET', `/api/v1/groups/${t.groupId}`)).body.group.lastSeq;
    const refused = await t.moderator.request('POST', `/api/v1/escalations/${escalation.id}/post-back`, {
      clientId: newClientId(),
      body: 'What happened next: nothing yet.',
    });
    expectRefused(refused, 409, 'conflict', 'outcome');
    const empty = await t.moderator.request('POST', `/api/v1/escalations/${escalation.id}/post-back`, {
      clientId: newClientId(),
      body: '   ',
    });
    expectRefused(empty, 400, 'invalid', 'body');
    expect((await t.member.request('GET', `/api/v1/groups/${t.groupId}`)).body.group.lastSeq).toBe(before);
    // An officer of the organisation who is not in the group reads it but cannot post in the group.
    await t.moderator.request('PUT', `/api/v1/escalations/${escalation.id}/outcome`, {
      outcome: 'advice_given',
    });
    const notMember = await t.orgOfficer.request('POST', `/api/v1/escalations/${escalation.id}/post-back`, {
      clientId: newClientId(),
      body: 'What happened next: advice given.',
    });
    expectRefused(notMember, 403, 'forbidden');
    expect((await t.member.request('GET', `/api/v1/groups/${t.groupId}`)).body.group.lastSeq).toBe(before);
  });

  it('assembles the handover pack: what, when, who, where in every format, photos with fingerprints, registrations', async () => {
    const { message, photoId } = await aReport();
    const { escalation } = await escalate(t.officer, t.groupId, { messageId: message.id }, '999');
    const response = await t.officer.request('GET', `/api/v1/escalations/${escalation.id}/pack`);
    expect(response.status, response.text).toBe(200);
    const pack = HandoverPack.parse(response.body);
    expect(pack).toMatchObject({
      escalationId: escalation.id,
      channel: '999',
      call: { number: '999', onlineReportUrl: null },
      group: { id: t.groupId, name: 'Upper Teesdale' },
      subject: { kind: 'message', title: 'Message' },
      said: {
        text: 'White pickup AB12 CDE lamping in the top field, ///filled.count.soap',
        by: 'Tom Hird',
        edited: false,
        deleted: false,
      },
      fields: [],
      reporter: {
        displayName: 'Tom Hird',
        phone: null,
        email: null,
        contactNote: 'Contact details: not shared — ask the reporter in the group.',
      },
      placeText: null,
      what3wordsInText: ['///filled.count.soap'],
      registrations: ['AB12 CDE', 'YK70 XYZ'],
      escalatedBy: 'PC Dodd',
      reference: null,
    });
    expect(pack.thread).toEqual([
      {
        relation: 'reply',
        by: 'Ann Lowes',
        at: expect.any(Number),
        text: 'Same truck at Low Force ten minutes ago, yk70xyz on the trailer.',
      },
    ]);
    expect(pack.location).toEqual({
      lat: 54.625,
      lng: -2.081,
      dms: `54°37'30.0"N 2°04'51.6"W`,
      gridRef: expect.stringMatching(/^NY \d{5} \d{5}$/),
      plusCode: expect.stringMatching(/^9C6V/),
      what3words: null,
      what3wordsNote: 'not available on this server',
    });
    const media = await server.ctx.ports.store.getMedia(photoId as never);
    expect(pack.photos).toEqual([
      {
        id: photoId,
        url: `${server.url}/api/v1/media/${photoId}/display`,
        originalUrl: `${server.url}/api/v1/media/${photoId}/original`,
        sha256: media?.sha256,
        type: 'image/jpeg',
        bytes: media?.originalBytes,
      },
    ]);
    expect(pack.photos[0]?.sha256).toMatch(/^[0-9a-f]{64}$/);
    // The member copy the pack links to opens for the officer.
    const display = await fetch(pack.photos[0]?.url ?? '', {
      headers: { authorization: `Bearer ${t.officer.token}` },
    });
    expect(display.status).toBe(200);

    expect(pack.text).toContain('FELLWATCH HANDOVER — 999 (emergency)');
    expect(pack.text).toContain('Tom Hird\nContact details: not shared — ask the reporter in the group.');
    expect(pack.text).toContain(`Degrees, minutes, seconds: 54°37'30.0"N 2°04'51.6"W`);
    expect(pack.text).toContain('what3words: not available on this server');
    expect(pack.text).toContain(`Original SHA-256: ${media?.sha256}`);
    expect(pack.text).toContain('REGISTRATIONS MENTIONED\nAB12 CDE\nYK70 XYZ');
    // Never the reporter's email or phone without their consent.
    for (const text of [pack.text, JSON.stringify(pack)]) {
      expect(text).not.toContain(t.reporter.user.email);
      expect(text).not.toContain('7700 900123');
    }
  });

  it('gives the police the contact details the reporter agreed to share, for that escalation only', async () => {
    const first = await post(t.reporter, t.groupId, {
      body: 'Quad taken from the yard at High Side overnight.',
    });
    const second = await post(t.reporter, t.groupId, { body: 'Diesel stolen from the tank at Bowlees.' });
    const shared = await escalate(t.admin, t.groupId, { messageId: first.id }, 'online');
    const notShared = await escalate(t.admin, t.groupId, { messageId: second.id }, '101');

    const mine = await t.reporter.request('GET', '/api/v1/me/escalations');
    expect(mine.status, mine.text).toBe(200);
    const reported = ReportedEscalationList.parse(mine.body).escalations;
    expect(reported.map((e) => e.id)).toEqual(
      expect.arrayContaining([shared.escalation.id, notShared.escalation.id]),
    );
    expect(reported.find((e) => e.id === shared.escalation.id)).toMatchObject({
      groupName: 'Upper Teesdale',
      channel: 'online',
      status: 'open',
      consent: { phone: false, email: false, at: null },
      hasPhone: true,
    });
    expect((await t.admin.request('GET', '/api/v1/me/escalations')).body.escalations).toEqual([]);

    // Nobody else gives consent for the reporter, and they are not told the escalation exists.
    for (const other of [t.admin, t.member, t.orgAdmin]) {
      const refused = await other.request('PUT', `/api/v1/escalations/${shared.escalation.id}/consent`, {
        phone: true,
        email: true,
      });
      expectRefused(refused, 404, 'not_found');
    }
    const given = await t.reporter.request('PUT', `/api/v1/escalations/${shared.escalation.id}/consent`, {
      phone: true,
      email: false,
    });
    expect(given.status, given.text).toBe(200);
    expect(given.body.escalation.consent).toMatchObject({
      phone: true,
      email: false,
      at: expect.any(Number),
    });

    const pack = HandoverPack.parse(
      (await t.admin.request('GET', `/api/v1/escalations/${shared.escalation.id}/pack`)).body,
    );
    expect(pack.reporter).toMatchObject({ phone: '+44 7700 900123', email: null });
    expect(pack.call).toEqual({ number: null, onlineReportUrl: null });
    expect(pack.text).toContain('Phone: +44 7700 900123');
    expect(pack.text).not.toContain(t.reporter.user.email);
    const other = HandoverPack.parse(
      (await t.admin.request('GET', `/api/v1/escalations/${notShared.escalation.id}/pack`)).body,
    );
    expect(other.reporter).toMatchObject({ phone: null, email: null });

    const audit = await server.ctx.ports.store.listAudit({ subjectId: shared.escalation.id, limit: 20 });
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(['escalation.consent', 'escalation.contact_shown']),
    );
    const withConsent = await t.admin.request('GET', `/api/v1/escalations/${shared.escalation.id}`);
    expect(withConsent.body.history.map((h: { action: string }) => h.action)).toEqual(['created', 'consent']);

    // Withdrawn: the next pack shares nothing.
    await t.reporter.request('PUT', `/api/v1/escalations/${shared.escalation.id}/consent`, {
      phone: false,
      email: false,
    });
    const withdrawn = HandoverPack.parse(
      (await t.admin.request('GET', `/api/v1/escalations/${shared.escalation.id}/pack`)).body,
    );
    expect(withdrawn.reporter).toMatchObject({ phone: null, email: null });

    // Someone with no phone on their account cannot agree to share one.
    const noPhone = await post(t.member, t.groupId, { body: 'Fly-tipping in the lay-by at Langdon Beck.' });
    const theirs = await escalate(t.admin, t.groupId, { messageId: noPhone.id });
    const refused = await t.member.request('PUT', `/api/v1/escalations/${theirs.escalation.id}/consent`, {
      phone: true,
      email: false,
    });
    expectRefused(refused, 400, 'invalid', 'phone');
  });

  it("gives the organisation's own numbers and online form once its admins have set them", async () => {
    const message = await post(t.reporter, t.groupId, { body: 'Tractor GPS unit taken from the cab.' });
    const call = await escalate(t.admin, t.groupId, { messageId: message.id }, '101');
    const online = await escalate(t.admin, t.groupId, { messageId: message.id }, 'online');
    const packOf = async (id: string) =>
      HandoverPack.parse((await t.admin.request('GET', `/api/v1/escalations/${id}/pack`)).body);
    expect((await packOf(call.escalation.id)).call).toEqual({ number: '101', onlineReportUrl: null });
    await server.ctx.ports.store.safety.putGuidance({
      organisationId: t.organisationId,
      emergencyNumber: '999',
      nonEmergencyNumber: '0345 60 60 365',
      onlineReportUrl: 'https://www.durham.police.uk/report',
      forceName: 'Durham Constabulary',
      updatedBy: t.orgAdmin.user.id,
      updatedAt: Date.now(),
    });
    expect((await packOf(call.escalation.id)).call).toEqual({
      number: '0345 60 60 365',
      onlineReportUrl: 'https://www.durham.police.uk/report',
    });
    expect((await packOf(online.escalation.id)).call).toEqual({
      number: null,
      onlineReportUrl: 'https://www.durham.police.uk/report',
    });
  });

  it('escalates an alert shown in the group: its card fields, place and registration in the pack', async () => {
    const raised = await t.reporter.request('POST', `/api/v1/groups/${t.groupId}/alerts`, {
      clientId: newClientId(),
      details: { kind: 'stolen', category: 'quad', make: 'Honda', colour: 'red', registration: 'ab12cde' },
      summary: 'Taken from the yard at High Side overnight.',
      location: MIDDLETON,
      placeText: 'NY 944 258',
      reach: { mode: 'group' },
    });
    expect(raised.status, raised.text).toBe(201);
    const alertId = raised.body.alert.id as string;
    const { escalation } = await escalate(t.officer, t.groupId, { alertId }, '999');
    expect(escalation).toMatchObject({ subject: { kind: 'alert', alertId, excerpt: 'Stolen quad' } });

    // The alert's card in the conversation is the same thing: escalating it by its message works too.
    const page = MessagePage.parse(
      (await t.admin.request('GET', `/api/v1/groups/${t.groupId}/messages?limit=200`)).body,
    );
    const placement = page.messages.find((m) => m.alert?.id === alertId);
    const byMessage = await escalate(t.admin, t.groupId, { messageId: placement?.id ?? '' });
    expect(byMessage.escalation).toMatchObject({
      subject: { kind: 'alert', alertId, messageId: placement?.id },
    });

    const pack = HandoverPack.parse(
      (await t.officer.request('GET', `/api/v1/escalations/${escalation.id}/pack`)).body,
    );
    expect(pack.subject).toEqual({ kind: 'alert', title: 'Stolen quad' });
    expect(pack.said).toMatchObject({ text: 'Taken from the yard at High Side overnight.', by: 'Tom Hird' });
    expect(pack.fields).toEqual([
      { label: 'Category', value: 'quad' },
      { label: 'Make', value: 'Honda' },
      { label: 'Colour', value: 'red' },
      { label: 'Registration', value: 'AB12 CDE' },
    ]);
    expect(pack.registrations).toEqual(['AB12 CDE']);
    expect(pack.placeText).toBe('NY 944 258');
    expect(pack.location?.dms).toBe(`54°37'30.0"N 2°04'51.6"W`);
    expect(pack.text).toContain('Stolen quad, posted by Tom Hird');
    expect(pack.text).toContain('Place as typed: NY 944 258');
  });
});
