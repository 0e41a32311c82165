// Next.js configuration. The app is served by server/main.ts (a custom server
// that also serves GraphQL); `next build` produces the pages it serves.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(fileURLToPath(import.meta.url));

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Pin the workspace root: a checkout nested in another project must not pick up that project's lockfile.
  turbopack: { root },
  outputFileTracingRoot: root,
};

export default nextConfig;
