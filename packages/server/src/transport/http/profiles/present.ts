// Herbert Protocol profiles as their owner sees them: the opened content, photo links, the release reference.
import {
  ageAt,
  type EpochMs,
  type Profile,
  type StoredProfilePhoto,
  type UnreadableProfile,
} from '@fellwatch/core';
import type {
  ProfilePhotoView,
  ProfileSummary,
  ProfileView,
  UnreadableProfileSummary,
} from '@fellwatch/protocol';

/** A profile photo's links: served to its owner only (see the profile-photos routes). */
export function presentProfilePhoto(photo: StoredProfilePhoto): ProfilePhotoView {
  return {
    id: photo.id,
    width: photo.width,
    height: photo.height,
    url: `/api/v1/profile-photos/${photo.id}/display`,
    thumbUrl: `/api/v1/profile-photos/${photo.id}/thumb`,
  };
}

/** The whole profile, for its owner. */
export function presentProfile(profile: Profile, now: EpochMs): ProfileView {
  const { content } = profile;
  return {
    id: profile.id,
    name: content.name,
    preferredName: content.preferredName,
    dateOfBirth: content.dateOfBirth,
    age: content.age,
    ageNow: ageAt(content, now),
    description: { ...content.description },
    vulnerabilities: [...content.vulnerabilities],
    medicalNeeds: content.medicalNeeds,
    routines: content.routines,
    places: content.places.map((p) => ({ place: p.place, point: p.point })),
    contacts: content.contacts.map((c) => ({ name: c.name, relationship: c.relationship, phone: c.phone })),
    photos: profile.photos.map(presentProfilePhoto),
    releaseReference: content.releaseReference,
    createdAt: profile.createdAt,
    updatedAt: profile.updatedAt,
    releasedAt: profile.releasedAt,
    releasedAlertId: profile.releasedAlertId,
  };
}

/** One line of the owner's list: name, age, first photo and reference. */
export function presentProfileSummary(profile: Profile, now: EpochMs): ProfileSummary {
  const first = profile.photos[0];
  return {
    id: profile.id,
    name: profile.content.name,
    preferredName: profile.content.preferredName,
    ageNow: ageAt(profile.content, now),
    releaseReference: profile.content.releaseReference,
    updatedAt: profile.updatedAt,
    releasedAt: profile.releasedAt,
    releasedAlertId: profile.releasedAlertId,
    photo: first ? presentProfilePhoto(first) : null,
  };
}

/** A line of the owner's list for a profile that does not open: its record, so it can be deleted. */
export function presentUnreadableProfile(profile: UnreadableProfile): UnreadableProfileSummary {
  return {
    id: profile.id,
    createdAt: profile.createdAt,
    updatedAt: profile.updatedAt,
    releasedAt: profile.releasedAt,
  };
}
