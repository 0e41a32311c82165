// Root fields and scalars shared by every domain module.
import { DateTimeResolver } from 'graphql-scalars';
import type { Resolvers } from './generated/resolvers-types.ts';
import packageJson from '../package.json' with { type: 'json' };

export const baseResolvers: Resolvers = {
  DateTime: DateTimeResolver,
  Query: {
    apiVersion: () => packageJson.version,
  },
};
