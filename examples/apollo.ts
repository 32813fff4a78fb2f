/**
 * An Apollo Client for the MSL Graph API, with the cache configuration `npm run codegen` generates
 * (examples/generated/apollo-cache.ts): possibleTypes for the Node and NetworkNode interfaces,
 * relayStylePagination on every connection, `merge: true` for objects without an id.
 */
import { ApolloClient, HttpLink, InMemoryCache } from '@apollo/client';
import { possibleTypes, typePolicies } from './generated/apollo-cache';

export function createCache(): InMemoryCache {
  return new InMemoryCache({ possibleTypes, typePolicies });
}

export function createApolloClient(url: string, token?: string): ApolloClient {
  return new ApolloClient({
    link: new HttpLink({ uri: url, headers: token ? { authorization: `Bearer ${token}` } : {} }),
    cache: createCache(),
  });
}
