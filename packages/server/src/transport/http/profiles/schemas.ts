// Wire shapes this feature adds to the protocol's profile schemas: the filing's client id, the list's unreadable profiles.
import { ClientId, Epoch, Id, ProfileFields, ProfileList } from '@fellwatch/protocol';
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

/**
 * POST /profiles: the fields, and a client id chosen by the device for one filling-in of the form. A
 * retry with the same client id answers 200 with the profile already filed instead of filing a copy.
 */
export const FileProfile = ProfileFields.extend({ clientId: ClientId.optional() });
export type FileProfile = z.infer<typeof FileProfile>;
