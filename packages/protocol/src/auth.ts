// Sign-in, the signed-in person, first-admin setup and API tokens.
import { z } from 'zod';
import { Affiliation, DisplayName, Email, Epoch, Id, Password, Phone } from './common.js';

export const LoginRequest = z.object({ email: Email, password: z.string().min(1).max(200) });
export type LoginRequest = z.infer<typeof LoginRequest>;

export const NewAccount = z.object({
  displayName: DisplayName,
  email: Email,
  password: Password,
  phone: Phone.optional(),
});
export type NewAccount = z.infer<typeof NewAccount>;

/** The signed-in person's own view of themselves: the only place their email and phone appear. */
export const Me = z.object({
  id: Id,
  displayName: z.string(),
  email: z.string(),
  phone: z.string().nullable(),
  isPlatformAdmin: z.boolean(),
  organisations: z.array(
    z.object({
      organisationId: Id,
      organisationName: z.string(),
      affiliation: Affiliation.nullable(),
      isAdmin: z.boolean(),
    }),
  ),
});
export type Me = z.infer<typeof Me>;
export const MeResponse = z.object({ me: Me });

export const SetupStatus = z.object({ needsSetup: z.boolean() });
export const SetupRequest = NewAccount.extend({ token: z.string().min(16).max(200) });
export type SetupRequest = z.infer<typeof SetupRequest>;

export const CreateTokenRequest = z.object({ name: z.string().trim().min(1).max(80) });
export const ApiTokenView = z.object({
  id: Id,
  name: z.string(),
  createdAt: Epoch,
  lastUsedAt: Epoch.nullable(),
});
export const CreatedToken = z.object({ token: z.string(), apiToken: ApiTokenView });
export const TokenList = z.object({ tokens: z.array(ApiTokenView) });
