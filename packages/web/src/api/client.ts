// The Fellwatch API as typed functions, one per route in docs/api-routes.md.
import { request, uploadFile } from './http.js';
import type {
  AcceptedInvite,
  AcceptInvite,
  AddMember,
  ApiTokenView,
  CreatedInvite,
  CreatedToken,
  CreateGroup,
  CreateInvite,
  CreateOrganisation,
  GroupRole,
  InvitePreview,
  InviteView,
  ListedMember,
  LoginRequest,
  Me,
  MemberDecision,
  MessageHistory,
  MessagePage,
  MessageView,
  MyGroup,
  Organisation,
  OrganisationPerson,
  Photo,
  PostMessage,
  SetAffiliation,
  SetupRequest,
  SetupStatus,
  UpdateGroup,
} from './types.js';

const enc = encodeURIComponent;

/** Answers the question "who am I?" (401 when signed out). */
export const getMe = (signal?: AbortSignal) =>
  request<{ me: Me }>('GET', '/me', undefined, { signal, quietUnauthenticated: true }).then((r) => r.me);

/** Signs in with email and password; the server sets the session cookie. */
export const login = (body: LoginRequest) =>
  request<{ me: Me }>('POST', '/auth/login', body, { quietUnauthenticated: true }).then((r) => r.me);

/** Ends the session on the server. */
export const logout = () => request<void>('POST', '/auth/logout');

/** My API tokens for scripts (never the secret itself). */
export const listTokens = () => request<{ tokens: ApiTokenView[] }>('GET', '/tokens').then((r) => r.tokens);

/** Creates an API token; the secret is in this answer only. */
export const createToken = (name: string) => request<CreatedToken>('POST', '/tokens', { name });

/** Revokes one of my API tokens: scripts using it are refused from now on. */
export const revokeToken = (tokenId: string) => request<void>('DELETE', `/tokens/${enc(tokenId)}`);

/** Whether the first platform admin still has to be created. */
export const getSetupStatus = () => request<SetupStatus>('GET', '/setup/status');

/** Creates the first platform admin with the one-time setup token. */
export const setup = (body: SetupRequest) => request<{ me: Me }>('POST', '/setup', body).then((r) => r.me);

/** Organisations I may see: all for the platform admin, my own otherwise. */
export const listOrganisations = () =>
  request<{ organisations: Organisation[] }>('GET', '/organisations').then((r) => r.organisations);

/** Creates an organisation (platform admin). */
export const createOrganisation = (body: CreateOrganisation) =>
  request<{ organisation: Organisation }>('POST', '/organisations', body).then((r) => r.organisation);

/** The verified people of an organisation. */
export const listPeople = (organisationId: string) =>
  request<{ people: OrganisationPerson[] }>('GET', `/organisations/${enc(organisationId)}/people`).then(
    (r) => r.people,
  );

/** Marks an account, found by email, as officer/staff/partner and/or organisation admin. */
export const setAffiliation = (organisationId: string, body: SetAffiliation) =>
  request<{ people: OrganisationPerson[] }>(
    'POST',
    `/organisations/${enc(organisationId)}/people`,
    body,
  ).then((r) => r.people);

/** My groups with my role, status and unread counts. */
export const listGroups = (signal?: AbortSignal) =>
  request<{ groups: MyGroup[] }>('GET', '/groups', undefined, { signal }).then((r) => r.groups);

/** One group I belong to (or manage). */
export const getGroup = (groupId: string, signal?: AbortSignal) =>
  request<{ group: MyGroup }>('GET', `/groups/${enc(groupId)}`, undefined, { signal }).then((r) => r.group);

/** Creates a watch group in an organisation. */
export const createGroup = (body: CreateGroup) =>
  request<{ group: MyGroup }>('POST', '/groups', body).then((r) => r.group);

/** Changes a group's name, description, rules, area or vetting questions. */
export const updateGroup = (groupId: string, body: UpdateGroup) =>
  request<{ group: MyGroup }>('PATCH', `/groups/${enc(groupId)}`, body).then((r) => r.group);

/** The group's members; `pending` lists only those waiting for approval. */
export const listMembers = (groupId: string, status?: 'pending') =>
  request<{ members: ListedMember[] }>(
    'GET',
    `/groups/${enc(groupId)}/members${status ? `?status=${status}` : ''}`,
  ).then((r) => r.members);

/** Adds an existing account to the group directly. */
export const addMember = (groupId: string, body: AddMember) =>
  request<{ members: ListedMember[] }>('POST', `/groups/${enc(groupId)}/members`, body).then(
    (r) => r.members,
  );

/** Approves, declines, removes or bans a member. */
export const decideMember = (groupId: string, userId: string, decision: MemberDecision) =>
  request<{ members: ListedMember[] }>('POST', `/groups/${enc(groupId)}/members/${enc(userId)}/decision`, {
    decision,
  }).then((r) => r.members);

/** Changes a member's role in the group. */
export const setRole = (groupId: string, userId: string, role: GroupRole) =>
  request<{ members: ListedMember[] }>('PUT', `/groups/${enc(groupId)}/members/${enc(userId)}/role`, {
    role,
  }).then((r) => r.members);

/** The group's invite links (without their secret tokens). */
export const listInvites = (groupId: string) =>
  request<{ invites: InviteView[] }>('GET', `/groups/${enc(groupId)}/invites`).then((r) => r.invites);

/** Creates an invite link; the link itself is only shown now. */
export const createInvite = (groupId: string, body: CreateInvite) =>
  request<CreatedInvite>('POST', `/groups/${enc(groupId)}/invites`, body);

/** Withdraws an invite link. */
export const revokeInvite = (groupId: string, inviteId: string) =>
  request<void>('DELETE', `/groups/${enc(groupId)}/invites/${enc(inviteId)}`);

/** What the holder of an invite link may see about the group. */
export const previewInvite = (token: string) => request<InvitePreview>('GET', `/invites/${enc(token)}`);

/** Asks to join through an invite, creating an account when not signed in. */
export const acceptInvite = (token: string, body: AcceptInvite) =>
  request<AcceptedInvite>('POST', `/invites/${enc(token)}/accept`, body);

/** A page of messages, newest last; `before` is a sequence number for older pages. */
export const listMessages = (groupId: string, before?: number, limit = 50, signal?: AbortSignal) => {
  const q = new URLSearchParams({ limit: String(limit) });
  if (before !== undefined) q.set('before', String(before));
  return request<MessagePage>('GET', `/groups/${enc(groupId)}/messages?${q}`, undefined, { signal });
};

/** Posts a message; a repeated clientId returns the first copy instead of a second one. */
export const postMessage = (groupId: string, body: PostMessage) =>
  request<{ message: MessageView }>('POST', `/groups/${enc(groupId)}/messages`, body).then((r) => r.message);

/** Replaces the text of my own message. */
export const editMessage = (groupId: string, messageId: string, body: string) =>
  request<{ message: MessageView }>('PATCH', `/groups/${enc(groupId)}/messages/${enc(messageId)}`, {
    body,
  }).then((r) => r.message);

/** Deletes a message (its author, or a moderator or admin). */
export const deleteMessage = (groupId: string, messageId: string) =>
  request<{ message: MessageView }>('DELETE', `/groups/${enc(groupId)}/messages/${enc(messageId)}`).then(
    (r) => r.message,
  );

/** A message's stored text (even when deleted) and its earlier versions: author, moderators, admins. */
export const getMessageHistory = (groupId: string, messageId: string, signal?: AbortSignal) =>
  request<MessageHistory>('GET', `/groups/${enc(groupId)}/messages/${enc(messageId)}/history`, undefined, {
    signal,
  });

/** Records that I have read the group up to `seq`. */
export const markRead = (groupId: string, seq: number) =>
  request<void>('POST', `/groups/${enc(groupId)}/read`, { seq });

/** Uploads one photo for a message, reporting progress. */
export const uploadPhoto = (
  groupId: string,
  file: Blob,
  fileName: string,
  onProgress?: (fraction: number) => void,
  signal?: AbortSignal,
) =>
  uploadFile<{ photo: Photo }>(
    `/groups/${enc(groupId)}/photos`,
    'photo',
    file,
    fileName,
    onProgress,
    signal,
  ).then((r) => r.photo);
