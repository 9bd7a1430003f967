// A tiny in-memory stand-in for a group's server-side stream, for reducer tests: the fresh fetch to compare against.
import type { AlertView, EventMessage, MessagePage, MessageView } from '../api/types.js';

export const GROUP = '01HZX0000000000000000GROUP';
export const ME = '01HZX00000000000000000000M';
export const OTHER = '01HZX00000000000000000000R';
export const ALERT = '01HZX000000000000000A1ERT0';

/** A stolen quad bike alert raised by Ruth in GROUP; override any field. */
export function alertView(overrides: Partial<AlertView> = {}): AlertView {
  return {
    id: ALERT,
    details: { kind: 'stolen', category: 'quad', make: 'Honda', model: 'TRX 420', colour: 'red' },
    summary: 'Taken from the yard overnight',
    author: { id: OTHER, displayName: 'Ruth', badges: [] },
    originGroupId: GROUP,
    originGroupName: 'Teesdale Farm Watch',
    originOrganisationName: 'Durham Rural Watch',
    location: { lat: 54.6, lng: -2.1, gridRef: 'NY 93681 11395', plusCode: '9C6WJVXX+22' },
    placeText: 'NY 936 113',
    placeUnchecked: false,
    photos: [],
    status: 'unverified',
    outcome: null,
    outcomeNote: null,
    linkedAlertId: null,
    travel: { groups: 1, organisations: 1 },
    createdAt: 1_700_000_000_000,
    updatedAt: 1_700_000_000_000,
    ...overrides,
  };
}

/** Simulates a group's gapless event stream and the current state of its messages. */
export class FakeGroupStream {
  private seq = 0;
  private readonly messages = new Map<string, MessageView>();
  readonly events: EventMessage[] = [];

  post(body: string, authorId = OTHER, clientId = `c${this.seq + 1}abcdefg`): MessageView {
    const seq = ++this.seq;
    const id = `01HZX${String(seq).padStart(21, '0')}`;
    const message: MessageView = {
      id,
      groupId: GROUP,
      seq,
      clientId,
      author: { id: authorId, displayName: authorId === ME ? 'Me' : 'Ruth', badges: [] },
      body,
      replyToId: null,
      photos: [],
      location: null,
      createdAt: 1_700_000_000_000 + seq,
      editedAt: null,
      deleted: false,
      alert: null,
    };
    this.messages.set(id, message);
    this.events.push({ type: 'message.posted', groupId: GROUP, seq, message });
    return message;
  }

  edit(id: string, body: string): MessageView {
    const seq = ++this.seq;
    const message = { ...this.get(id), body, editedAt: 1_700_000_000_000 + seq };
    this.messages.set(id, message);
    this.events.push({ type: 'message.edited', groupId: GROUP, seq, message });
    return message;
  }

  /** Places an alert in the group: a message carrying it, posted like any other. */
  raiseAlert(alert: AlertView = alertView()): MessageView {
    const message = this.post(alert.summary, alert.author.id);
    const placed = {
      ...message,
      alert: { ...alert, createdAt: message.createdAt, updatedAt: message.createdAt },
    };
    this.messages.set(message.id, placed);
    const last = this.events.at(-1);
    if (last) last.message = placed;
    return placed;
  }

  /** Changes the alert a placement message shows, as confirming, resolving or retracting does. */
  updateAlert(id: string, change: Partial<AlertView>): MessageView {
    const seq = ++this.seq;
    const current = this.get(id);
    if (!current.alert) throw new Error(`message ${id} shows no alert`);
    const message = {
      ...current,
      alert: { ...current.alert, ...change, updatedAt: 1_700_000_000_000 + seq },
    };
    this.messages.set(id, message);
    this.events.push({ type: 'alert.updated', groupId: GROUP, seq, message });
    return message;
  }

  remove(id: string): MessageView {
    const seq = ++this.seq;
    const message = { ...this.get(id), body: '', photos: [], location: null, deleted: true };
    this.messages.set(id, message);
    this.events.push({ type: 'message.deleted', groupId: GROUP, seq, message });
    return message;
  }

  /** What GET /groups/:id/messages answers now: the newest `limit` messages before `before`. */
  page(limit = 50, before?: number): MessagePage {
    const all = [...this.messages.values()].filter((m) => before === undefined || m.seq < before);
    all.sort((a, b) => a.seq - b.seq);
    return { messages: all.slice(-limit), lastSeq: this.seq, hasMore: all.length > limit };
  }

  private get(id: string): MessageView {
    const m = this.messages.get(id);
    if (!m) throw new Error(`no message ${id}`);
    return m;
  }
}
