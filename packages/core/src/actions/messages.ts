// Actions on messages: post (idempotent per device), edit, delete, read a page, read a message's history.
import type { Actor } from '../model/actor.js';
import type { GeoPoint, Group, Membership, Message, MessageEdit } from '../model/entities.js';
import { fail } from '../model/errors.js';
import type { GroupId, MediaId, MessageId } from '../model/ids.js';
import {
  canDeleteMessage,
  canEditMessage,
  canPost,
  canReadGroup,
  canSeeGroup,
  canSeeMessageHistory,
} from '../policies/index.js';
import type { Ports, Repositories } from '../ports/index.js';
import { checkRisk } from '../risk/index.js';
import { type RiskNotice, recordRisk } from './safety.js';

/** The longest message, counted in characters (code points), as a person counts them. */
export const MAX_MESSAGE_LENGTH = 4000;
/** The most photos one message carries. */
export const MAX_MESSAGE_PHOTOS = 10;
/** The largest page of messages one request reads. */
export const MAX_MESSAGE_PAGE = 200;

const CLIENT_ID = /^[A-Za-z0-9_-]{8,64}$/;

/** What a member sends to post a message. */
export interface PostMessageInput {
  /** Chosen by the device; posting again with the same one returns the first message. */
  clientId: string;
  body: string;
  replyToId?: MessageId;
  photoIds?: MediaId[];
  location?: GeoPoint;
}

/**
 * The posted message; `duplicate` is true when this clientId had already been used by the author.
 * `risk` is set when the risk check found the message worrying: the poster is told at once whom to call.
 */
export interface PostMessageResult {
  message: Message;
  duplicate: boolean;
  risk: RiskNotice | null;
}

/** A page of messages, oldest first, and the sequence number to resume the live stream from. */
export interface MessagePageResult {
  messages: Message[];
  /** The group's newest sequence number, read before the page: resuming from it leaves no gap. */
  lastSeq: number;
  /** True when older messages exist before the first one in this page. */
  hasMore: boolean;
}

/** A message with its stored text (even when deleted) and its earlier versions, oldest first. */
export interface MessageHistoryResult {
  message: Message;
  edits: MessageEdit[];
}

/** Counts characters as people do: an emoji is one, not two UTF-16 units. */
export function messageLength(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}

/** Checks and normalises a message body: trimmed, at most MAX_MESSAGE_LENGTH characters. */
export function normaliseMessageBody(body: string, options: { required: boolean }): string {
  if (typeof body !== 'string') throw fail.invalid('The message text must be text.', 'body');
  const trimmed = body.trim();
  if (messageLength(trimmed) > MAX_MESSAGE_LENGTH) {
    throw fail.invalid(`A message may be at most ${MAX_MESSAGE_LENGTH} characters.`, 'body');
  }
  if (options.required && trimmed.length === 0) throw fail.invalid('The message has no text.', 'body');
  return trimmed;
}

/** Checks a point on the ground: finite latitude and longitude within range. */
export function checkMessageLocation(location: GeoPoint): GeoPoint {
  const { lat, lng } = location;
  const ok =
    typeof lat === 'number' &&
    typeof lng === 'number' &&
    Number.isFinite(lat) &&
    Number.isFinite(lng) &&
    lat >= -90 &&
    lat <= 90 &&
    lng >= -180 &&
    lng <= 180;
  if (!ok)
    throw fail.invalid('The location must have a latitude (-90..90) and longitude (-180..180).', 'location');
  return { lat, lng };
}

/**
 * Posts a message in a group. Retrying with the same clientId returns the first message and
 * publishes nothing new, so a device on poor signal can resend until it hears back.
 *
 * The risk check reads every message. A worrying one is flagged for the group's "needs attention"
 * queue after the message commits and before the poster hears back: if the flag cannot be written
 * the post is answered with an error, and the device's retry (same clientId) flags it then. So an
 * acknowledged post that needed a flag always has one.
 */
export async function postMessage(
  ports: Ports,
  actor: Actor,
  groupId: GroupId,
  input: PostMessageInput,
): Promise<PostMessageResult> {
  const { store } = ports;
  const { group } = await requireAccess(store, actor, groupId, (_group, membership) => canPost(membership));
  if (typeof input.clientId !== 'string' || !CLIENT_ID.test(input.clientId)) {
    throw fail.invalid('The client id must be 8-64 letters, digits, - or _.', 'clientId');
  }
  const body = normaliseMessageBody(input.body ?? '', { required: false });
  const photoIds = input.photoIds ?? [];
  const location = input.location === undefined ? null : checkMessageLocation(input.location);
  if (body.length === 0 && photoIds.length === 0 && location === null) {
    throw fail.invalid('A message needs text, a photo or a location.', 'body');
  }
  const replyToId = input.replyToId ?? null;
  if (replyToId !== null) {
    const original = await store.getMessage(replyToId);
    if (original?.groupId !== groupId) {
      throw fail.invalid('The message being replied to is not in this group.', 'replyToId');
    }
  }
  await checkPhotos(store, groupId, photoIds);

  const result = await store.appendMessage({
    id: ports.ids.next() as MessageId,
    groupId,
    authorId: actor.user.id,
    clientId: input.clientId,
    body,
    replyToId,
    photoIds,
    location,
    createdAt: ports.clock.now(),
  });
  if (result.message.groupId !== groupId) {
    // The device reused a client id from another group: answering with that message would leak it here.
    throw fail.conflict('This client id was already used for a message in another group.', 'clientId');
  }
  if (!result.duplicate)
    ports.events.publish({ kind: 'group', event: result.event, message: result.message });
  const risk = await noticeRisk(ports, group, result.message);
  return { message: result.message, duplicate: result.duplicate, risk };
}

/** Runs the risk check on a message's stored text and flags it when worrying (once; see recordRisk). */
async function noticeRisk(ports: Ports, group: Group, message: Message): Promise<RiskNotice | null> {
  if (message.body.length === 0 || message.deletedAt !== null) return null;
  const result = checkRisk(message.body);
  if (!result.atRisk) return null;
  return recordRisk(ports, group, message, result);
}

/** Replaces the text of the actor's own message; the store keeps the earlier version in its history. */
export async function editMessage(
  ports: Ports,
  actor: Actor,
  groupId: GroupId,
  messageId: MessageId,
  body: string,
): Promise<Message> {
  const text = normaliseMessageBody(body, { required: true });
  const { group, change } = await ports.store.transaction(async (tx) => {
    const access = await requireAccess(tx, actor, groupId, (_g, m) => canReadGroup(m));
    const message = await requireMessage(tx, groupId, messageId);
    refuseAlertPlacement(message, 'edited');
    if (!canEditMessage(actor, message, access.membership)) {
      throw fail.forbidden(
        message.deletedAt !== null ? 'This message was deleted.' : 'Only the author can edit a message.',
      );
    }
    if (message.body === text) return { group: access.group, change: { message, event: undefined } };
    const edited = await tx.editMessage(message.id, text, actor.user.id, ports.clock.now());
    return { group: access.group, change: edited };
  });
  if (change.event) ports.events.publish({ kind: 'group', event: change.event, message: change.message });
  // Words added by an edit are read as a new post's are; a message already flagged keeps its first flag.
  await noticeRisk(ports, group, change.message);
  return change.message;
}

/**
 * An alert's card is one object shown in many groups: changing it in one group's stream would make
 * the groups disagree, so it changes only through the alert's status (resolve or retract).
 */
function refuseAlertPlacement(message: Message, change: 'edited' | 'deleted'): void {
  if (message.alertId === null) return;
  throw fail.conflict(
    `An alert card cannot be ${change}; resolve or retract the alert instead.`,
    'messageId',
  );
}

/**
 * Deletes a message: members see it as deleted; its text stays for moderators and admins.
 * Deleting an already deleted message again returns it unchanged, so a retry is harmless.
 */
export async function deleteMessage(
  ports: Ports,
  actor: Actor,
  groupId: GroupId,
  messageId: MessageId,
): Promise<Message> {
  const change = await ports.store.transaction(async (tx) => {
    const { membership } = await requireAccess(tx, actor, groupId, (_g, m) => canReadGroup(m));
    const message = await requireMessage(tx, groupId, messageId);
    refuseAlertPlacement(message, 'deleted');
    if (message.deletedAt !== null && canDeleteMessage(actor, { ...message, deletedAt: null }, membership)) {
      return { message, event: undefined };
    }
    if (!canDeleteMessage(actor, message, membership)) {
      throw fail.forbidden('Only the author, moderators and admins can delete a message.');
    }
    return tx.deleteMessage(message.id, actor.user.id, ports.clock.now());
  });
  if (change.event) ports.events.publish({ kind: 'group', event: change.event, message: change.message });
  return change.message;
}

/** Reads a page of messages, oldest first, ending just before `before` (a sequence number) when given. */
export async function listMessages(
  ports: Ports,
  actor: Actor,
  groupId: GroupId,
  options: { before?: number; limit: number },
): Promise<MessagePageResult> {
  const { group } = await requireAccess(ports.store, actor, groupId, (_g, m) => canReadGroup(m));
  const limit = Math.min(Math.max(Math.trunc(options.limit) || 1, 1), MAX_MESSAGE_PAGE);
  const before = options.before !== undefined && options.before > 0 ? Math.trunc(options.before) : undefined;
  // One extra row tells whether an older page exists without a second query.
  const newestFirst = await ports.store.listMessages(groupId, before, limit + 1);
  const hasMore = newestFirst.length > limit;
  const messages = newestFirst.slice(0, limit).reverse();
  return { messages, lastSeq: group.lastSeq, hasMore };
}

/** A message's stored text and its earlier versions, for its author and the group's moderators and admins. */
export async function getMessageHistory(
  ports: Ports,
  actor: Actor,
  groupId: GroupId,
  messageId: MessageId,
): Promise<MessageHistoryResult> {
  const { membership } = await requireAccess(ports.store, actor, groupId, (_g, m) => canReadGroup(m));
  const message = await requireMessage(ports.store, groupId, messageId);
  if (!canSeeMessageHistory(actor, message, membership)) {
    throw fail.forbidden('Only the author, moderators and admins can see the history of a message.');
  }
  const edits = await ports.store.listMessageEdits(message.id);
  return { message, edits };
}

/**
 * Loads the group and the actor's membership and applies `allowed`. Someone who may not know the
 * group exists gets "not found"; someone who may see it but not do this (a pending member, an
 * organisation admin who is not a member) gets "forbidden".
 */
async function requireAccess(
  store: Repositories,
  actor: Actor,
  groupId: GroupId,
  allowed: (group: Group, membership: Membership | undefined) => boolean,
): Promise<{ group: Group; membership: Membership | undefined }> {
  const group = await store.getGroup(groupId);
  if (!group) throw fail.notFound('Group');
  const membership = await store.getMembership(groupId, actor.user.id);
  if (allowed(group, membership)) return { group, membership };
  if (canSeeGroup(actor, group, membership)) throw fail.forbidden('Only active members can do that.');
  throw fail.notFound('Group');
}

/** A message of this group; one of another group is "not found", as if it did not exist. */
async function requireMessage(store: Repositories, groupId: GroupId, messageId: MessageId): Promise<Message> {
  const message = await store.getMessage(messageId);
  if (message?.groupId !== groupId) throw fail.notFound('Message');
  return message;
}

async function checkPhotos(
  store: Repositories,
  groupId: GroupId,
  photoIds: readonly MediaId[],
): Promise<void> {
  if (!Array.isArray(photoIds)) throw fail.invalid('Photos must be a list of photo ids.', 'photoIds');
  if (photoIds.length > MAX_MESSAGE_PHOTOS) {
    throw fail.invalid(`A message may carry at most ${MAX_MESSAGE_PHOTOS} photos.`, 'photoIds');
  }
  if (new Set(photoIds).size !== photoIds.length) {
    throw fail.invalid('The same photo is attached twice.', 'photoIds');
  }
  const found = await Promise.all(photoIds.map((id) => store.getMedia(id)));
  if (found.some((media) => media?.groupId !== groupId)) {
    throw fail.invalid('Each photo must be one uploaded to this group.', 'photoIds');
  }
}
