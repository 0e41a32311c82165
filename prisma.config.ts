// Prisma CLI configuration (Prisma 7 reads the connection URL from here, not from
// schema.prisma). The app itself never runs the Prisma CLI against a database:
// migrations are applied by lib/db/migrate.ts, recorded exactly as
// `prisma migrate deploy` records them, so either tool can take over.
import { defineConfig } from 'prisma/config';

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env.DATABASE_URL ?? '' },
});
