// Wire shapes this feature adds to the protocol's profile schemas: the list's unreadable profiles.
import { Epoch, Id, ProfileList } from '@fellwatch/protocol';
import { z } from 'zod';

/**
 * A profile of yours whose content does not open (altered, or sealed under a key this server no longer
 * holds): listed by its record alone, so that it can be deleted.
 */
export const UnreadableProfileSummary = z.object({
  id: Id,
  createdAt: Epoch,
  updatedAt: Epoch,
  releasedAt: Epoch.nullable(),
});
export type UnreadableProfileSummary = z.infer<typeof UnreadableProfileSummary>;

/** GET /profiles: the profiles that opened, and those that did not (empty when all did). */
export const ProfileListing = ProfileList.extend({ unreadable: z.array(UnreadableProfileSummary) });
export type ProfileListing = z.infer<typeof ProfileListing>;
