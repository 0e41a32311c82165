// Ids for rows written with raw SQL, in the shape of the cuids Prisma gives
// the others: "c", the time in base 36, then random base-36 characters.
import crypto from 'node:crypto';

export function newId(): string {
  const random = BigInt(`0x${crypto.randomBytes(10).toString('hex')}`).toString(36).padStart(16, '0').slice(0, 16);
  return `c${Date.now().toString(36)}${random}`;
}
