// Wire encoding of fan-out messages on the Redis channel: the group frame travels as-is, never re-encoded.
import type { MembershipStatus } from '@fellwatch/core';
import type { FanoutMessage } from '../port.js';

// A group message is a header line "g <groupId> <seq>" followed by the frame text, so the frame that was
// serialised once by the publishing node is not wrapped in another JSON string (no double encoding).
// Other kinds are rare and small: "j" and a JSON line.

/** Encodes a fan-out message as one Redis payload. */
export function encodeFanoutMessage(message: FanoutMessage): string {
  if (message.kind === 'group') return `g ${message.groupId} ${message.seq}\n${message.frame}`;
  return `j\n${JSON.stringify(message)}`;
}

/** Decodes a payload made by encodeFanoutMessage; throws on anything else. */
export function decodeFanoutMessage(text: string): FanoutMessage {
  const newline = text.indexOf('\n');
  if (newline < 0) throw new Error('fan-out payload without a header line');
  const header = text.slice(0, newline);
  if (header.startsWith('g ')) {
    const space = header.indexOf(' ', 2);
    const groupId = header.slice(2, space);
    const seq = Number(header.slice(space + 1));
    if (space < 0 || !groupId || !Number.isSafeInteger(seq))
      throw new Error(`bad fan-out header "${header}"`);
    return { kind: 'group', groupId, seq, frame: text.slice(newline + 1) };
  }
  if (header === 'j') return parseOther(JSON.parse(text.slice(newline + 1)));
  throw new Error(`unknown fan-out header "${header.slice(0, 40)}"`);
}

function parseOther(value: unknown): FanoutMessage {
  const v = value as Record<string, unknown>;
  if (v?.kind === 'membership' && typeof v.groupId === 'string' && typeof v.userId === 'string') {
    return { kind: 'membership', groupId: v.groupId, userId: v.userId, status: v.status as MembershipStatus };
  }
  if (v?.kind === 'sessions.revoked' && typeof v.userId === 'string' && Array.isArray(v.sessionIds)) {
    return { kind: 'sessions.revoked', userId: v.userId, sessionIds: v.sessionIds.map(String) };
  }
  if (v?.kind === 'users' && Array.isArray(v.userIds) && typeof v.frame === 'string') {
    return { kind: 'users', userIds: v.userIds.map(String), frame: v.frame };
  }
  throw new Error('unknown fan-out message');
}
