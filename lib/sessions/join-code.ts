// Join codes: 6 characters from an alphabet without look-alikes (no 0/O,
// 1/I/L, 5/S, 2/Z, 8/B), easy to read off a projector and type on a phone.
import crypto from 'node:crypto';

export const JOIN_CODE_ALPHABET = 'ACDEFGHJKMNPQRTUVWXY34679';
export const JOIN_CODE_LENGTH = 6;

export function createJoinCode(): string {
  return Array.from({ length: JOIN_CODE_LENGTH }, () => JOIN_CODE_ALPHABET[crypto.randomInt(JOIN_CODE_ALPHABET.length)]).join('');
}

/** A typed code as stored: upper case, without spaces or dashes. */
export function normaliseJoinCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, '');
}
