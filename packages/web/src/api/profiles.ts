// The Herbert Protocol profile routes of docs/api-routes.md as typed functions.
import type * as P from '@fellwatch/protocol';
import type { z } from 'zod';
import { request, uploadFile } from './http.js';

/** What the form sends: the family's fields (the server seals them). */
export type ProfileFields = z.input<typeof P.ProfileFields>;
export type ProfileView = P.ProfileView;
export type ProfileSummary = P.ProfileSummary;
export type ProfilePhotoView = P.ProfilePhotoView;
export type ProfileVulnerability = P.ProfileVulnerability;
export type ReleaseProfile = z.input<typeof P.ReleaseProfile>;
export type ReleaseProfileByReference = z.input<typeof P.ReleaseProfileByReference>;
export type ProfileReleased = P.ProfileReleased;

/** A profile of mine whose content the server cannot open: listed by its record alone, to be deleted. */
export type UnreadableProfileSummary = P.UnreadableProfileSummary;

/** My profiles: those that opened, and those that did not. */
export type ProfileListing = P.ProfileList;

/** The error code of a profile or photo the server cannot open; such a profile can only be deleted. */
export const SEALED_UNREADABLE = 'sealed_unreadable';

const enc = encodeURIComponent;

/** The profiles I filed. */
export const listProfiles = (signal?: AbortSignal) =>
  request<P.ProfileList>('GET', '/profiles', undefined, { signal });

/** One of my profiles. */
export const getProfile = (id: string, signal?: AbortSignal) =>
  request<P.ProfileResponse>('GET', `/profiles/${enc(id)}`, undefined, { signal }).then((r) => r.profile);

/**
 * Files a new profile; the answer carries its release reference. `clientId` is made once per filling-in
 * of the form, so pressing Save again after a lost answer returns the profile already filed.
 */
export const fileProfile = (fields: ProfileFields, clientId: string) =>
  request<P.ProfileResponse>('POST', '/profiles', { ...fields, clientId }).then((r) => r.profile);

/** Saves a profile again; photos left out are deleted. */
export const saveProfile = (id: string, fields: ProfileFields) =>
  request<P.ProfileResponse>('PUT', `/profiles/${enc(id)}`, fields).then((r) => r.profile);

/** Deletes a profile and its photos for good. */
export const deleteProfile = (id: string) => request<void>('DELETE', `/profiles/${enc(id)}`);

/** Draws a new release reference; the old one stops working. */
export const renewReference = (id: string) =>
  request<P.ProfileResponse>('POST', `/profiles/${enc(id)}/reference`).then((r) => r.profile);

/** Uploads a photo for a profile, reporting progress from 0 to 1. */
export const uploadProfilePhoto = (
  file: Blob,
  fileName: string,
  onProgress?: (fraction: number) => void,
  signal?: AbortSignal,
) =>
  uploadFile<P.UploadedProfilePhoto>('/profile-photos', 'photo', file, fileName, onProgress, signal).then(
    (r) => r.photo,
  );

/** Releases my profile into a missing-person alert. */
export const releaseProfile = (id: string, body: ReleaseProfile) =>
  request<ProfileReleased>('POST', `/profiles/${enc(id)}/release`, body).then((r) => r.alert);

/** Officers: releases a profile by the reference the family gave. */
export const releaseByReference = (body: ReleaseProfileByReference) =>
  request<ProfileReleased>('POST', '/profiles/release', body).then((r) => r.alert);
