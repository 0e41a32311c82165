// Joining a session with its code and a nickname: trimmed, 1–20 characters,
// not obscene, unique in the session ignoring case. Refused when the lobby is
// locked, the session full or over. A student who reloads uses the token they
// got to come back as the same player (see rejoinSession).
import type { PrismaClient } from '../db/prisma.ts';
import { DomainError } from '../domain-error.ts';
import { validNickname } from '../games/nickname.ts';
import { createPlayerToken, hashPlayerToken } from '../games/player-token.ts';
import { normaliseJoinCode } from './join-code.ts';
import { notifySessionChanged } from './notify.ts';

export async function findSessionByCode(prisma: PrismaClient, code: string) {
  const session = await prisma.classSession.findUnique({ where: { code: normaliseJoinCode(code) } });
  if (!session) throw new DomainError('NOT_FOUND', `There is no session with code ${code}`);
  return session;
}

export async function joinSession(prisma: PrismaClient, input: { code: string; nickname: string }) {
  const nickname = validNickname(input.nickname);
  const token = createPlayerToken();
  return prisma.$transaction(async (tx) => {
    const code = normaliseJoinCode(input.code);
    // The session row is locked so that two students cannot both take the last place.
    const [locked] = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM class_sessions WHERE code = ${code} FOR UPDATE`;
    if (!locked) throw new DomainError('NOT_FOUND', `There is no session with code ${input.code}`);
    const session = await tx.classSession.findUniqueOrThrow({ where: { id: locked.id } });
    if (session.state === 'FINISHED') throw new DomainError('SESSION_FINISHED', 'This session is over');
    if (session.locked) throw new DomainError('SESSION_LOCKED', 'The host has locked this session');
    const count = await tx.sessionPlayer.count({ where: { sessionId: session.id, removedAt: null } });
    if (count >= session.maxPlayers) throw new DomainError('SESSION_FULL', `This session is full (${session.maxPlayers} players)`);
    const nicknameKey = nickname.toLocaleLowerCase('en-US');
    const taken = await tx.sessionPlayer.findUnique({ where: { sessionId_nicknameKey: { sessionId: session.id, nicknameKey } } });
    if (taken) throw new DomainError('NICKNAME_TAKEN', `The nickname ${nickname} is taken in this session`);
    const player = await tx.sessionPlayer.create({ data: { sessionId: session.id, nickname, nicknameKey, tokenHash: hashPlayerToken(token) } });
    await tx.classSession.update({ where: { id: session.id }, data: { version: { increment: 1 } } });
    await notifySessionChanged(tx, session.id);
    return { session, player, playerToken: token };
  });
}

/** The player a token belongs to in a session; FORBIDDEN otherwise, PLAYER_REMOVED once removed. */
export async function playerOf(prisma: Pick<PrismaClient, 'sessionPlayer'>, sessionId: string, playerToken: string) {
  const player = await prisma.sessionPlayer.findUnique({ where: { tokenHash: hashPlayerToken(playerToken) } });
  if (!player || player.sessionId !== sessionId) throw new DomainError('FORBIDDEN', 'This player token does not belong to this session');
  if (player.removedAt) throw new DomainError('PLAYER_REMOVED', 'The host removed this player from the session');
  return player;
}
