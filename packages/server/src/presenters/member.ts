// Presents a group's member list: public faces for everyone; vetting answers and decisions for admins.
import type { MemberEntry, MemberEntryForAdmin, MemberListing } from '@fellwatch/core';
import type { Member, MemberForAdmin } from '@fellwatch/protocol';
import { presentPerson } from './person.js';

/** A member as other members see them: name, badges, role and status. */
export function presentMember(entry: MemberEntry): Member {
  return { ...presentPerson(entry.person), role: entry.role, status: entry.status };
}

/** A member as admins and moderators see them, with answers and who decided, when. */
export function presentMemberForAdmin(entry: MemberEntryForAdmin): MemberForAdmin {
  return {
    ...presentMember(entry),
    answers: [...entry.answers],
    joinedAt: entry.joinedAt,
    decidedBy: entry.decidedBy ? presentPerson(entry.decidedBy) : null,
    decidedAt: entry.decidedAt,
  };
}

/** A member list in the detail the viewer may see. */
export function presentMemberList(listing: MemberListing): { members: (Member | MemberForAdmin)[] } {
  return listing.forAdmin
    ? { members: listing.members.map(presentMemberForAdmin) }
    : { members: listing.members.map(presentMember) };
}
