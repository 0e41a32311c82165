// Apollo Client for React Server Components: one client per request, talking
// to the GraphQL endpoint of this same server process.
import { HttpLink } from '@apollo/client';
import { ApolloClient, InMemoryCache, registerApolloClient } from '@apollo/client-integration-nextjs';
import { serverGraphQLUrl } from './graphql-url';

export const { getClient, query, PreloadQuery } = registerApolloClient(
  () =>
    new ApolloClient({
      cache: new InMemoryCache(),
      link: new HttpLink({ uri: () => serverGraphQLUrl(), fetchOptions: { cache: 'no-store' } }),
    }),
);
