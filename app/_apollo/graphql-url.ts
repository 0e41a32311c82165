// Where Apollo Client sends requests: the browser uses the page's own origin;
// server rendering needs an absolute URL, set by server/main.ts at start-up.
export const BROWSER_GRAPHQL_PATH = '/api/graphql';

/** The WebSocket URL of the same endpoint (subscriptions), from the page's own origin; browser only. */
export function browserGraphQLWsUrl(): string {
  return `${window.location.protocol === 'https:' ? 'wss' : 'ws'}://${window.location.host}${BROWSER_GRAPHQL_PATH}`;
}

export function serverGraphQLUrl(): string {
  const url = process.env.GRAPHQL_INTERNAL_URL;
  if (!url) throw new Error('GRAPHQL_INTERNAL_URL is not set; start the app with `npm start` (server/main.ts)');
  return url;
}
