// Branded identifiers: a GroupId cannot be passed where a UserId is expected.

declare const brand: unique symbol;
/** A string tagged with the kind of thing it identifies. */
export type Id<K extends string> = string & { readonly [brand]: K };

export type UserId = Id<'user'>;
export type OrganisationId = Id<'organisation'>;
export type GroupId = Id<'group'>;
export type MessageId = Id<'message'>;
export type InviteId = Id<'invite'>;
export type MediaId = Id<'media'>;
export type SessionId = Id<'session'>;
export type AuditId = Id<'audit'>;
export type AlertId = Id<'alert'>;

/** Milliseconds since the Unix epoch, the only time representation in the domain. */
export type EpochMs = number;
