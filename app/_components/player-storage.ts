// What the browser keeps so a returning player stays the same player: their
// secret token and nickname (localStorage, this device only).
const TOKEN = 'factcheck.playerToken';
const NICKNAME = 'factcheck.nickname';

export function savedPlayer(): { token: string | null; nickname: string } {
  if (typeof window === 'undefined') return { token: null, nickname: '' };
  return { token: window.localStorage.getItem(TOKEN), nickname: window.localStorage.getItem(NICKNAME) ?? '' };
}

export function savePlayer(token: string, nickname: string): void {
  window.localStorage.setItem(TOKEN, token);
  window.localStorage.setItem(NICKNAME, nickname);
}
