// HTTP routes. Herbert Protocol profiles: sealed at rest, seen only by the family member who filed them, released into a missing-person alert.
import {
  deleteProfile,
  fileProfile,
  type GroupId,
  getProfile,
  listProfiles,
  type ProfileId,
  type ProfilePhotoId,
  type ReleaseInput,
  readProfilePhoto,
  releaseProfile,
  releaseProfileByReference,
  renewReleaseReference,
  SealedUnreadableError,
  updateProfile,
  uploadProfilePhoto,
} from '@fellwatch/core';
import {
  FileProfile,
  Id,
  ProfileFields,
  ProfileList,
  ProfileReleased,
  ProfileResponse,
  ReleaseProfile,
  ReleaseProfileByReference,
  UploadedProfilePhoto,
} from '@fellwatch/protocol';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { loadAlertViews } from '../../../presenters/alert.js';
import type { Api } from '../api.js';
import { UPLOADS_PER_MINUTE } from '../media/routes.js';
import { readUploadedPhoto } from '../media/upload.js';
import {
  presentProfile,
  presentProfilePhoto,
  presentProfileSummary,
  presentUnreadableProfile,
} from './present.js';

const ProfileParams = z.object({ profileId: Id });
const PhotoParams = z.object({ photoId: Id });
const ImageBytes = z.string().meta({ description: 'The image bytes', format: 'binary' });

/**
 * Releases by reference per officer per minute: enough to retype a misheard reference, far too few
 * to guess one (40 bits).
 */
export const REFERENCE_RELEASES_PER_MINUTE = 10;

/** The answer to a profile or photo whose sealed content does not open: a conflict the owner can only delete. */
export const SEALED_UNREADABLE_STATUS = 409;

/**
 * Runs a step that opens sealed content. A profile or photo that does not open is answered with 409
 * `sealed_unreadable` and logged by its id and the adapter's reason, never its content; anything
 * else goes on to the shared error handling.
 */
async function opening<T>(
  request: FastifyRequest,
  reply: FastifyReply,
  step: () => Promise<T>,
): Promise<T | FastifyReply> {
  try {
    return await step();
  } catch (error) {
    if (!(error instanceof SealedUnreadableError)) throw error;
    logUnreadable(request, error);
    return reply
      .status(SEALED_UNREADABLE_STATUS)
      .header('cache-control', 'no-store')
      .send({ error: { code: error.code, message: error.message } });
  }
}

function logUnreadable(request: FastifyRequest, error: SealedUnreadableError): void {
  request.log.warn(
    { subject: error.subject, subjectId: error.subjectId, reason: error.reason },
    'sealed content did not open',
  );
}

/** Registers this feature's routes (see docs/api-routes.md). */
export function registerProfileRoutes(api: Api): void {
  const { ports } = api.ctx;
  const now = () => ports.clock.now();
  /** A profile as its owner sees it; never kept in a cache on the way. */
  const answer = (reply: FastifyReply, profile: Parameters<typeof presentProfile>[0]) => {
    reply.header('cache-control', 'no-store');
    return { profile: presentProfile(profile, now()) };
  };

  /** Releases answer with the alert as members of its groups see it. */
  async function presentRelease(alert: Parameters<typeof loadAlertViews>[1][number]) {
    const [view] = await loadAlertViews(ports.store, [alert]);
    return { alert: view };
  }

  function releaseInput(body: ReleaseProfile): ReleaseInput {
    return {
      clientId: body.clientId,
      groupId: body.groupId as GroupId,
      lastSeenAt: body.lastSeenAt,
      location: body.location,
      ...(body.placeText ? { placeText: body.placeText } : {}),
      ...(body.clothing ? { clothing: body.clothing } : {}),
      ...(body.policeReference ? { policeReference: body.policeReference } : {}),
    };
  }

  api.route({
    method: 'GET',
    url: '/api/v1/profiles',
    summary: 'The Herbert Protocol profiles you filed (each opening audited)',
    tag: 'profiles',
    auth: 'required',
    responses: { 200: ProfileList },
    handler: async ({ actor, request, reply }): Promise<ProfileList> => {
      const listing = await listProfiles(ports, actor);
      for (const profile of listing.unreadable) {
        logUnreadable(request, new SealedUnreadableError('profile', profile.id, profile.reason));
      }
      reply.header('cache-control', 'no-store');
      return {
        profiles: listing.profiles.map((p) => presentProfileSummary(p, now())),
        unreadable: listing.unreadable.map(presentUnreadableProfile),
      };
    },
  });

  api.route({
    method: 'POST',
    url: '/api/v1/profiles',
    summary:
      'File a Herbert Protocol profile for someone vulnerable: sealed at rest, seen only by you (a repeated clientId answers 200 with the first)',
    tag: 'profiles',
    auth: 'required',
    body: FileProfile,
    responses: { 201: ProfileResponse, 200: ProfileResponse },
    handler: async ({ actor, body, request, reply }) =>
      opening(request, reply, async () => {
        const profile = await fileProfile(ports, actor, body);
        reply.status(profile.duplicate ? 200 : 201);
        return answer(reply, profile);
      }),
  });

  api.route({
    method: 'GET',
    url: '/api/v1/profiles/:profileId',
    summary: 'One of your profiles (audited); not found for anyone else',
    tag: 'profiles',
    auth: 'required',
    params: ProfileParams,
    responses: { 200: ProfileResponse },
    handler: async ({ actor, params, request, reply }) =>
      opening(request, reply, async () => {
        const profile = await getProfile(ports, actor, params.profileId as ProfileId);
        return answer(reply, profile);
      }),
  });

  api.route({
    method: 'PUT',
    url: '/api/v1/profiles/:profileId',
    summary: 'Save your profile again (its release reference stays); photos left out are deleted',
    tag: 'profiles',
    auth: 'required',
    params: ProfileParams,
    body: ProfileFields,
    responses: { 200: ProfileResponse },
    handler: async ({ actor, params, body, request, reply }) =>
      opening(request, reply, async () => {
        const profile = await updateProfile(ports, actor, params.profileId as ProfileId, body);
        return answer(reply, profile);
      }),
  });

  api.route({
    method: 'DELETE',
    url: '/api/v1/profiles/:profileId',
    summary: 'Delete your profile and its photos for good (the audit log keeps only that it was deleted)',
    tag: 'profiles',
    auth: 'required',
    params: ProfileParams,
    responses: { 204: null },
    handler: async ({ actor, params }) => {
      await deleteProfile(ports, actor, params.profileId as ProfileId);
    },
  });

  api.route({
    method: 'POST',
    url: '/api/v1/profiles/:profileId/reference',
    summary: 'Draw a new release reference; the old one stops working',
    tag: 'profiles',
    auth: 'required',
    params: ProfileParams,
    responses: { 200: ProfileResponse },
    handler: async ({ actor, params, request, reply }) =>
      opening(request, reply, async () => {
        const profile = await renewReleaseReference(ports, actor, params.profileId as ProfileId);
        return answer(reply, profile);
      }),
  });

  api.route({
    method: 'POST',
    url: '/api/v1/profiles/:profileId/release',
    summary:
      'Release your profile into a missing-person alert in a group you are in, reaching every group within 25 km',
    tag: 'profiles',
    auth: 'required',
    params: ProfileParams,
    body: ReleaseProfile,
    responses: { 201: ProfileReleased, 200: ProfileReleased },
    handler: async ({ actor, params, body, request, reply }) =>
      opening(request, reply, async () => {
        const id = params.profileId as ProfileId;
        const released = await releaseProfile(ports, actor, id, releaseInput(body));
        reply.status(released.duplicate ? 200 : 201);
        return presentRelease(released.alert);
      }),
  });

  api.route({
    method: 'POST',
    url: '/api/v1/profiles/release',
    summary:
      'Officers: release a profile by the reference the family gave you, without seeing it, into a missing-person alert',
    tag: 'profiles',
    auth: 'required',
    body: ReleaseProfileByReference,
    perMinute: REFERENCE_RELEASES_PER_MINUTE,
    responses: { 201: ProfileReleased, 200: ProfileReleased },
    handler: async ({ actor, body, request, reply }) =>
      opening(request, reply, async () => {
        const released = await releaseProfileByReference(ports, actor, body.reference, releaseInput(body));
        reply.status(released.duplicate ? 200 : 201);
        return presentRelease(released.alert);
      }),
  });

  api.route({
    method: 'POST',
    url: '/api/v1/profile-photos',
    summary:
      'Upload a photo for a profile (field "photo"): re-encoded without metadata, sealed, seen only by you',
    tag: 'profiles',
    auth: 'required',
    multipart: true,
    perMinute: UPLOADS_PER_MINUTE,
    responses: { 201: UploadedProfilePhoto },
    handler: async ({ actor, request, reply }) => {
      const photo = await uploadProfilePhoto(ports, actor, await readUploadedPhoto(request));
      reply.status(201);
      return { photo: presentProfilePhoto(photo) };
    },
  });

  for (const variant of ['display', 'thumb'] as const) {
    api.route({
      method: 'GET',
      url: `/api/v1/profile-photos/:photoId/${variant}`,
      summary:
        variant === 'display'
          ? 'A profile photo (JPEG, no metadata), for the family member who filed it (audited)'
          : 'A small copy of a profile photo, for the family member who filed it (audited)',
      tag: 'profiles',
      auth: 'required',
      params: PhotoParams,
      responses: { 200: ImageBytes },
      handler: async ({ actor, params, request, reply }) =>
        opening(request, reply, async () => {
          const bytes = await readProfilePhoto(ports, actor, params.photoId as ProfilePhotoId, variant);
          // Every read is audited, so no copy may be kept by a browser or proxy and shown unrecorded.
          reply.header('cache-control', 'no-store');
          return reply.type('image/jpeg').send(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
        }),
    });
  }
}
