// Row ids: what one looks like (Prisma's cuids, and the ids raw SQL writes),
// for checking ids that come from outside; and new ones for rows written with
// raw SQL, in the shape of the cuids Prisma gives the others: "c", the time in
// base 36, then random base-36 characters.
import crypto from 'node:crypto';

export const ID_MAX_LENGTH = 64;
export const ID_CHARACTERS = /^[A-Za-z0-9_-]+$/;

export function looksLikeId(value: unknown): value is string {
  return typeof value === 'string' && value.length >= 1 && value.length <= ID_MAX_LENGTH && ID_CHARACTERS.test(value);
}

export function newId(): string {
  const random = BigInt(`0x${crypto.randomBytes(10).toString('hex')}`).toString(36).padStart(16, '0').slice(0, 16);
  return `c${Date.now().toString(36)}${random}`;
}
