// Photos: upload to a group (multipart), and read the members' copies or the audited original.
import { DomainError, type GroupId, type MediaId, readPhoto, uploadPhoto } from '@fellwatch/core';
import { Id, UploadedPhoto } from '@fellwatch/protocol';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { presentPhoto } from '../../../presenters/message.js';
import type { Api } from '../api.js';
import { readUploadedPhoto } from './upload.js';

const GroupParams = z.object({ groupId: Id });
const MediaParams = z.object({ mediaId: Id });
const ImageBytes = z.string().meta({ description: 'The image bytes', format: 'binary' });

/** Uploads per person per minute: each one is decoded and re-encoded, which costs real CPU. */
export const UPLOADS_PER_MINUTE = 30;

const EXTENSIONS: Record<string, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp' };

/** Registers the media endpoints. */
export function registerMediaRoutes(api: Api): void {
  const { ports } = api.ctx;

  api.route({
    method: 'POST',
    url: '/api/v1/groups/:groupId/photos',
    summary:
      'Upload a photo (field "photo"); attach it to a message by its id. Members see copies without metadata',
    tag: 'media',
    auth: 'required',
    params: GroupParams,
    multipart: true,
    perMinute: UPLOADS_PER_MINUTE,
    responses: { 201: UploadedPhoto },
    handler: async ({ actor, params, request, reply }) => {
      const bytes = await readUploadedPhoto(request);
      const media = await uploadPhoto(ports, actor, params.groupId as GroupId, bytes);
      reply.status(201);
      return { photo: presentPhoto(media) };
    },
  });

  for (const variant of ['display', 'thumb'] as const) {
    api.route({
      method: 'GET',
      url: `/api/v1/media/:mediaId/${variant}`,
      summary:
        variant === 'display'
          ? 'The photo re-encoded for members, without metadata (JPEG)'
          : 'A small copy of the photo for poor signal, without metadata (JPEG)',
      tag: 'media',
      auth: 'required',
      params: MediaParams,
      responses: { 200: ImageBytes },
      handler: async ({ actor, params, reply }) => {
        const photo = await readPhoto(ports, actor, params.mediaId as MediaId, variant);
        // Ids are never reused and copies never change, so a member's browser keeps them; `private`
        // keeps them out of shared caches. A missing person's photos are withdrawn once they are found,
        // so browsers must ask again each time rather than keep a copy.
        reply.header(
          'cache-control',
          photo.withdrawable ? 'private, no-cache' : 'private, max-age=31536000, immutable',
        );
        return sendBytes(reply, photo.bytes, photo.contentType);
      },
    });
  }

  api.route({
    method: 'GET',
    url: '/api/v1/media/:mediaId/original',
    summary:
      'The untouched upload, metadata included: evidence for officers, moderators and admins (audited)',
    tag: 'media',
    auth: 'required',
    params: MediaParams,
    responses: { 200: ImageBytes },
    handler: async ({ actor, params, reply }) => {
      const photo = await readPhoto(ports, actor, params.mediaId as MediaId, 'original');
      const extension = EXTENSIONS[photo.contentType] ?? 'bin';
      // Every fetch is audited, so no copy may be kept by a browser or proxy and served unrecorded.
      reply.header('cache-control', 'no-store');
      reply.header('content-disposition', `attachment; filename="${params.mediaId}.${extension}"`);
      return sendBytes(reply, photo.bytes, photo.contentType);
    },
  });
}

function sendBytes(reply: FastifyReply, bytes: Uint8Array, contentType: string): FastifyReply {
  if (!(contentType in EXTENSIONS))
    throw new DomainError('unsupported_media', 'This photo cannot be served.');
  return reply.type(contentType).send(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
}
