// What a device keeps to stay in a session across reloads: the host's token
// (host screen and report) and a student's player token, per join code
// (localStorage, this device only; the server keeps only their hashes).
const hostKey = (code: string) => `factcheck.session.${code.toUpperCase()}.host`;
const playerKey = (code: string) => `factcheck.session.${code.toUpperCase()}.player`;

export interface SavedHost {
  sessionId: string;
  hostToken: string;
}

function read<T>(key: string): T | null {
  if (typeof window === 'undefined') return null;
  try {
    return JSON.parse(window.localStorage.getItem(key) ?? 'null') as T | null;
  } catch {
    return null;
  }
}

export const savedHost = (code: string) => read<SavedHost>(hostKey(code));
export const saveHost = (code: string, host: SavedHost) => window.localStorage.setItem(hostKey(code), JSON.stringify(host));

export const savedPlayerToken = (code: string) => read<{ playerToken: string; sessionId: string }>(playerKey(code));
export const savePlayerToken = (code: string, value: { playerToken: string; sessionId: string }) =>
  window.localStorage.setItem(playerKey(code), JSON.stringify(value));
export const forgetPlayerToken = (code: string) => window.localStorage.removeItem(playerKey(code));
