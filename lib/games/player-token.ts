// Player tokens: random secrets the browser keeps; the database stores only
// their sha256, so a database leak gives no one a player's identity.
import crypto from 'node:crypto';

export function createPlayerToken(): string {
  return crypto.randomBytes(24).toString('base64url');
}

export function hashPlayerToken(token: string): string {
  return crypto.createHash('sha256').update(token).digest('hex');
}
