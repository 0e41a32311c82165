// A server process with the API only (no pages) over DATABASE_URL, for tests
// that need several processes on one database. Prints `ready <port>`.
import { createAppServer } from '../../server/app-server.ts';
import { createLogger } from '../../lib/log/logger.ts';
import { createPrismaClient } from '../../lib/db/prisma.ts';

const databaseUrl = process.env.DATABASE_URL!;
const prisma = createPrismaClient(databaseUrl);
const server = await createAppServer({ prisma, databaseUrl, log: createLogger('warn', { pretty: false }) });
const port = await server.listen(0, '127.0.0.1');
process.stdout.write(`ready ${port}\n`);
process.on('SIGTERM', () => void server.close().then(() => prisma.$disconnect()).then(() => process.exit(0)));
