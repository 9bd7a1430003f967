// Wire types of the HTTP API and the stream, derived from the protocol schemas (types only: no zod at runtime).
import type * as P from '@fellwatch/protocol';
import type { z } from 'zod';

export type Me = P.Me;
export type MyGroup = P.MyGroup;
export type Group = P.Group;
export type GroupArea = P.GroupArea;
export type MessageView = P.MessageView;
export type MessagePage = P.MessagePage;
export type Photo = P.Photo;
export type LocationView = P.LocationView;
export type GeoPoint = P.GeoPoint;
export type PublicPerson = P.PublicPerson;
export type Badge = P.Badge;
export type Member = P.Member;
export type MemberForAdmin = P.MemberForAdmin;
export type Organisation = P.Organisation;
export type EventMessage = P.EventMessage;
export type ServerMessage = P.ServerMessage;
export type ClientFrame = P.ClientFrame;

export type Affiliation = z.infer<typeof P.Affiliation>;
export type GroupRole = z.infer<typeof P.GroupRole>;
export type MembershipStatus = z.infer<typeof P.MembershipStatus>;
export type MemberDecision = z.infer<typeof P.MemberDecision>;
export type OrganisationKind = z.infer<typeof P.OrganisationKind>;
export type OrganisationPerson = z.infer<typeof P.OrganisationPerson>;
export type InviteView = z.infer<typeof P.InviteView>;
export type CreatedInvite = z.infer<typeof P.CreatedInvite>;
export type InvitePreview = z.infer<typeof P.InvitePreview>;
export type AcceptedInvite = z.infer<typeof P.AcceptedInvite>;
export type SetupStatus = z.infer<typeof P.SetupStatus>;
export type ApiTokenView = z.infer<typeof P.ApiTokenView>;
export type CreatedToken = z.infer<typeof P.CreatedToken>;
export type MessageHistory = z.infer<typeof P.MessageHistory>;
export type MessageEditView = z.infer<typeof P.MessageEditView>;

export type NewAccount = z.input<typeof P.NewAccount>;
export type SetupRequest = z.input<typeof P.SetupRequest>;
export type LoginRequest = z.input<typeof P.LoginRequest>;
export type CreateOrganisation = z.input<typeof P.CreateOrganisation>;
export type SetAffiliation = z.input<typeof P.SetAffiliation>;
export type CreateGroup = z.input<typeof P.CreateGroup>;
export type UpdateGroup = z.input<typeof P.UpdateGroup>;
export type CreateInvite = z.input<typeof P.CreateInvite>;
export type AcceptInvite = z.input<typeof P.AcceptInvite>;
export type AddMember = z.input<typeof P.AddMember>;
export type PostMessage = z.input<typeof P.PostMessage>;

export type AlertView = P.AlertView;
export type AlertDetails = P.AlertDetails;
export type AlertKind = P.AlertKind;
export type PropertyCategory = P.PropertyCategory;
export type AlertStatus = z.infer<typeof P.AlertStatus>;
export type AlertOutcome = z.infer<typeof P.AlertOutcome>;
export type AlertMatch = z.infer<typeof P.AlertMatch>;
/** The answer to raising an alert: with `risk` when the risk check found it worrying. */
export type AlertRaised = z.infer<typeof P.RaisedAlertResponse>;
export type ResolvedPlace = z.infer<typeof P.ResolvedPlace>;
export type ExternalAlertPolicy = z.infer<typeof P.ExternalAlertPolicy>;
export type RaiseAlert = z.input<typeof P.RaiseAlert>;
export type Reach = z.input<typeof P.Reach>;
export type ChangeAlertStatus = z.input<typeof P.ChangeAlertStatus>;
/** Any member as the member list returns them; admins get the richer shape. */
export type ListedMember = Member | MemberForAdmin;

/** True when the listed member carries the admin-only fields (vetting answers, decisions). */
export function isMemberForAdmin(m: ListedMember): m is MemberForAdmin {
  return 'answers' in m;
}
