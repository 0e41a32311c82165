// Creates the Prisma client over node-postgres (Prisma 7 driver adapter; no
// native query engine). One client per process; callers pass it down.
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from './generated/client.ts';

export type { PrismaClient };

export function createPrismaClient(url: string, options: { maxConnections?: number } = {}): PrismaClient {
  const adapter = new PrismaPg({ connectionString: url, max: options.maxConnections ?? 10 });
  return new PrismaClient({ adapter });
}
