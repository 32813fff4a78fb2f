import { GraphQLError, GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { AuthenticationError, AuthorizationError } from 'type-graphql';
import { DomainError } from '../errors';

/**
 * The one place where errors become GraphQL errors. Domain errors keep their message and get
 * their contract code; errors GraphQL itself raised (parse, validation, variables) keep theirs;
 * type-graphql's own auth errors (from `@Authorized`) become UNAUTHENTICATED / FORBIDDEN;
 * anything else is an INTERNAL_SERVER_ERROR with a fixed message: no stack, no Cypher, no paths.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  if (original instanceof AuthenticationError) {
    return { message: 'authentication is required', locations: formatted.locations, path: formatted.path, extensions: { code: 'UNAUTHENTICATED' } };
  }
  if (original instanceof AuthorizationError) {
    return { message: 'your roles do not allow this', locations: formatted.locations, path: formatted.path, extensions: { code: 'FORBIDDEN' } };
  }
  if (original instanceof DomainError) {
    return { message: original.message, locations: formatted.locations, path: formatted.path, extensions: { ...original.extensions, code: original.code } };
  }
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && code !== 'INTERNAL_SERVER_ERROR' && !(original instanceof Error && !(original instanceof GraphQLError))) {
    return { message: formatted.message, locations: formatted.locations, path: formatted.path, extensions: { code } };
  }
  return { message: 'Internal server error', locations: formatted.locations, path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
}
