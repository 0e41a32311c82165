// Generates the code that is derived from the sources and not committed:
// the Prisma client (from prisma/schema.prisma) and the GraphQL TypeScript
// types (from graphql/**/*.graphql and the documents in app/). Runs after
// every `npm install`.
//
// `prisma generate` needs no database and no native engine, but Prisma's CLI
// insists on locating a schema engine binary, which it would download; any
// executable satisfies that check, so we point it at node itself.
import { execFileSync } from 'node:child_process';

const env = { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? process.execPath, PRISMA_HIDE_UPDATE_MESSAGE: '1' };
const run = (command, args) => execFileSync(command, args, { stdio: ['ignore', 'inherit', 'inherit'], env });

run('npx', ['--no-install', 'prisma', 'generate']);
run('npx', ['--no-install', 'graphql-codegen', '--config', 'codegen.ts', '--silent']);
