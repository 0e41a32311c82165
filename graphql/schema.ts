// The executable schema: every *.graphql file under graphql/ (SDL first) with
// the resolvers of each domain module.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeExecutableSchema } from '@graphql-tools/schema';
import type { GraphQLSchema } from 'graphql';
import { baseResolvers } from './base.resolvers.ts';
import { articleResolvers } from './articles/articles.resolvers.ts';
import { analysisResolvers } from './analysis/analysis.resolvers.ts';
import { quizResolvers } from './quizzes/quizzes.resolvers.ts';
import { gameResolvers } from './games/games.resolvers.ts';
import { leaderboardResolvers } from './leaderboards/leaderboards.resolvers.ts';
import { sessionResolvers } from './sessions/sessions.resolvers.ts';
import { guardRootFields } from './protection/guard-root-fields.ts';

const GRAPHQL_DIR = path.dirname(fileURLToPath(import.meta.url));

/** The SDL files, base first so `extend type Query` has something to extend. */
export function readTypeDefs(dir = GRAPHQL_DIR): string[] {
  const files: string[] = [];
  const walk = (folder: string) => {
    for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory() && entry.name !== 'generated') walk(full);
      else if (entry.isFile() && entry.name.endsWith('.graphql')) files.push(full);
    }
  };
  walk(dir);
  const isBase = (file: string) => path.basename(file) === 'base.graphql';
  files.sort((a, b) => Number(isBase(b)) - Number(isBase(a)) || a.localeCompare(b));
  return files.map((file) => fs.readFileSync(file, 'utf8'));
}

export function buildSchema(): GraphQLSchema {
  return makeExecutableSchema({
    typeDefs: readTypeDefs(),
    // Argument checks and rate limits in front of every query, mutation and subscription.
    resolvers: guardRootFields([baseResolvers, articleResolvers, analysisResolvers, quizResolvers, gameResolvers, leaderboardResolvers, sessionResolvers]),
    resolverValidationOptions: { requireResolversToMatchSchema: 'error' },
  });
}
