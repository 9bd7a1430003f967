// Messages in a group's stream, photos, and the events that carry them.
import { z } from 'zod';
import { AlertView } from './alerts.js';
import { Epoch, GeoPoint, Id, LocationView, PublicPerson } from './common.js';

export const MAX_BODY = 4000;
export const MAX_PHOTOS = 10;

/** Message text: at most MAX_BODY characters, counted as people count them (an emoji is one). */
const Body = z
  .string()
  .max(MAX_BODY * 2)
  .refine((s) => [...s].length <= MAX_BODY, { message: `must be at most ${MAX_BODY} characters` });

/** A device-chosen id that makes a retried post idempotent. */
export const ClientId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'must be 8-64 letters, digits, - or _');

export const PostMessage = z
  .object({
    clientId: ClientId,
    body: Body.default(''),
    replyToId: Id.optional(),
    photoIds: z.array(Id).max(MAX_PHOTOS).default([]),
    location: GeoPoint.optional(),
  })
  .refine((m) => m.body.trim().length > 0 || m.photoIds.length > 0 || m.location, {
    message: 'a message needs text, a photo or a location',
    path: ['body'],
  });
export type PostMessage = z.infer<typeof PostMessage>;

export const EditMessage = z.object({ body: Body.pipe(z.string().trim().min(1)) });

export const Photo = z.object({
  id: Id,
  width: z.number().int(),
  height: z.number().int(),
  /** Re-encoded copy without metadata. */
  url: z.string(),
  thumbUrl: z.string(),
});
export type Photo = z.infer<typeof Photo>;
export const UploadedPhoto = z.object({ photo: Photo });

/**
 * A message as members see it. A deleted message has empty body, no photos and no location. An alert's
 * placement in the group carries the alert it shows; `alert` is null for an ordinary message.
 */
export const MessageView = z.object({
  id: Id,
  groupId: Id,
  seq: z.number().int().positive(),
  clientId: z.string(),
  author: PublicPerson,
  body: z.string(),
  replyToId: Id.nullable(),
  photos: z.array(Photo),
  location: LocationView.nullable(),
  createdAt: Epoch,
  editedAt: Epoch.nullable(),
  deleted: z.boolean(),
  alert: AlertView.nullable(),
});
export type MessageView = z.infer<typeof MessageView>;
export const MessageResponse = z.object({ message: MessageView });

export const MessagePage = z.object({
  messages: z.array(MessageView),
  /** The group's newest sequence number when the page was read: resume the stream from here. */
  lastSeq: z.number().int(),
  hasMore: z.boolean(),
});
export type MessagePage = z.infer<typeof MessagePage>;
export const MessagePageQuery = z.object({
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const MessageEditView = z.object({ body: z.string(), editedBy: PublicPerson, replacedAt: Epoch });
export const MessageHistory = z.object({
  message: MessageView.extend({ originalBody: z.string() }),
  edits: z.array(MessageEditView),
});

export const MarkRead = z.object({ seq: z.number().int().nonnegative() });
