// Messages in a group: read a page, post (idempotent per clientId), edit, delete, and read a message's history.
import {
  deleteMessage,
  editMessage,
  type GroupId,
  getMessageHistory,
  listMessages,
  type MediaId,
  type Message,
  type MessageId,
  postMessage,
} from '@fellwatch/core';
import {
  EditMessage,
  Id,
  MessageHistory,
  MessagePage,
  MessagePageQuery,
  MessageResponse,
  PostedMessageResponse,
  PostMessage,
} from '@fellwatch/protocol';
import { z } from 'zod';
import { loadMessageViews } from '../../../presenters/message.js';
import { presentMessageHistory } from '../../../presenters/message-history.js';
import type { Api } from '../api.js';
import { presentRiskHint } from '../safety/present.js';

const GroupParams = z.object({ groupId: Id });
const MessageParams = z.object({ groupId: Id, messageId: Id });

/** Posts per person per minute: generous for a busy night, low enough to stop a runaway script. */
export const POSTS_PER_MINUTE = 60;

/** Registers the messages endpoints. */
export function registerMessageRoutes(api: Api): void {
  const { ports } = api.ctx;

  /** Presents one message as members see it. */
  async function view(message: Message) {
    const [shown] = await loadMessageViews(ports.store, [message]);
    return { message: shown };
  }

  api.route({
    method: 'GET',
    url: '/api/v1/groups/:groupId/messages',
    summary: 'A page of messages, oldest first, and the sequence number to resume the stream from',
    tag: 'messages',
    auth: 'required',
    params: GroupParams,
    query: MessagePageQuery,
    responses: { 200: MessagePage },
    handler: async ({ actor, params, query }) => {
      const page = await listMessages(ports, actor, params.groupId as GroupId, query);
      const messages = await loadMessageViews(ports.store, page.messages);
      return { messages, lastSeq: page.lastSeq, hasMore: page.hasMore };
    },
  });

  api.route({
    method: 'POST',
    url: '/api/v1/groups/:groupId/messages',
    summary: 'Post a message; repeating a clientId returns the first message (200) instead of a copy',
    tag: 'messages',
    auth: 'required',
    params: GroupParams,
    body: PostMessage,
    perMinute: POSTS_PER_MINUTE,
    responses: { 201: PostedMessageResponse, 200: PostedMessageResponse },
    handler: async ({ actor, params, body, reply }) => {
      const posted = await postMessage(ports, actor, params.groupId as GroupId, {
        clientId: body.clientId,
        body: body.body,
        replyToId: body.replyToId as MessageId | undefined,
        photoIds: body.photoIds as MediaId[],
        location: body.location,
      });
      reply.status(posted.duplicate ? 200 : 201);
      // A worrying message: the answer carries the emergency guidance for the poster (see safety).
      return {
        ...(await view(posted.message)),
        ...(posted.risk ? { risk: presentRiskHint(posted.risk) } : {}),
      };
    },
  });

  api.route({
    method: 'PATCH',
    url: '/api/v1/groups/:groupId/messages/:messageId',
    summary: 'Replace the text of your own message; the earlier text stays in its history',
    tag: 'messages',
    auth: 'required',
    params: MessageParams,
    body: EditMessage,
    responses: { 200: MessageResponse },
    handler: async ({ actor, params, body }) => {
      const message = await editMessage(
        ports,
        actor,
        params.groupId as GroupId,
        params.messageId as MessageId,
        body.body,
      );
      return view(message);
    },
  });

  api.route({
    method: 'DELETE',
    url: '/api/v1/groups/:groupId/messages/:messageId',
    summary: 'Delete a message (author, moderators, admins); its text stays visible to moderators and admins',
    tag: 'messages',
    auth: 'required',
    params: MessageParams,
    responses: { 200: MessageResponse },
    handler: async ({ actor, params }) => {
      const message = await deleteMessage(
        ports,
        actor,
        params.groupId as GroupId,
        params.messageId as MessageId,
      );
      return view(message);
    },
  });

  api.route({
    method: 'GET',
    url: '/api/v1/groups/:groupId/messages/:messageId/history',
    summary:
      "A message's stored text, even when deleted, and its earlier versions (author, moderators, admins)",
    tag: 'messages',
    auth: 'required',
    params: MessageParams,
    responses: { 200: MessageHistory },
    handler: async ({ actor, params }) => {
      const history = await getMessageHistory(
        ports,
        actor,
        params.groupId as GroupId,
        params.messageId as MessageId,
      );
      return presentMessageHistory(ports.store, history);
    },
  });
}
