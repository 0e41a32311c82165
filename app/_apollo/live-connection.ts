'use client';
// Whether the WebSocket for live updates is up. While it is down (a network
// that blocks WebSockets, a phone between networks), the session screens
// fall back to polling the same view over HTTP until it is back.
import { useSyncExternalStore } from 'react';

let connected = true;
const listeners = new Set<() => void>();

export function setLiveConnected(value: boolean): void {
  if (connected === value) return;
  connected = value;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useLiveConnected(): boolean {
  return useSyncExternalStore(subscribe, () => connected, () => true);
}
