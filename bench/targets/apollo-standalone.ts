// The GraphQL ceiling: the same schema, resolvers and database behind Apollo
// Server's own standalone HTTP server, with nothing else in the process.
import { startStandaloneServer } from '@apollo/server/standalone';
import { createApolloServer } from '../../graphql/server.ts';
import { buildContext } from '../../graphql/context.ts';
import { createLogger } from '../../lib/log/logger.ts';
import { createPrismaClient } from '../../lib/db/prisma.ts';
import { createSessionUpdates } from '../../lib/sessions/live-sessions.ts';
import { RateLimits } from '../../graphql/protection/rate-limits.ts';
import { createRateLimitPool } from '../../lib/db/rate-limit-pool.ts';

const log = createLogger('warn', { pretty: false });
const prisma = createPrismaClient(process.env.DATABASE_URL!);
const sessionUpdates = createSessionUpdates(prisma, process.env.DATABASE_URL!, log);
await sessionUpdates.start();
const rateLimits = new RateLimits(createRateLimitPool(process.env.DATABASE_URL!));
const server = createApolloServer({ log });
const { url } = await startStandaloneServer(server, {
  listen: { port: Number(process.env.PORT), host: '127.0.0.1' },
  context: async ({ req }) => buildContext({ prisma, log, sessionUpdates, rateLimits, adminToken: undefined, trustProxyHops: Number(process.env.TRUST_PROXY_HOPS ?? 0) }, req),
});
process.stdout.write(`ready ${url}\n`);
process.on('SIGTERM', () => void server.stop().then(() => prisma.$disconnect()).then(() => process.exit(0)));
