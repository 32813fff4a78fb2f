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
    return {
      message: 'authentication is required',
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: 'UNAUTHENTICATED' },
    };
  }
  if (original instanceof AuthorizationError) {
    return {
      message: 'your roles do not allow this',
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: 'FORBIDDEN' },
    };
  }
  if (original instanceof DomainError) {
    return {
      message: original.message,
      locations: formatted.locations,
      path: formatted.path,
      extensions: { ...original.extensions, code: original.code },
    };
  }
  // graphql-js's own token limit (parseOptions.maxTokens) surfaces as a syntax error.
  if (/^Syntax Error: Document contains more th(?:an|at) \d+ tokens/.test(formatted.message)) {
    return { message: formatted.message, extensions: { code: 'QUERY_TOO_COMPLEX' } };
  }
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && code !== 'INTERNAL_SERVER_ERROR' && !(original instanceof Error && !(original instanceof GraphQLError))) {
    const badValue = badInputField(formatted.message);
    if (badValue !== undefined && (code === 'BAD_USER_INPUT' || code === 'GRAPHQL_VALIDATION_FAILED')) {
      return {
        message: formatted.message,
        locations: formatted.locations,
        path: formatted.path,
        extensions: { code: 'BAD_USER_INPUT', ...(badValue ? { field: badValue } : {}) },
      };
    }
    return { message: formatted.message, locations: formatted.locations, path: formatted.path, extensions: { code } };
  }
  return {
    message: 'Internal server error',
    locations: formatted.locations,
    path: formatted.path,
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  };
}

/**
 * GraphQL's own messages for a bad argument or variable value (wrong enum, wrong scalar, missing
 * required argument): these are input validation in the contract's sense, so BAD_USER_INPUT with
 * the field when the message names it. Returns undefined for other errors, '' for a bad value
 * whose field the message does not name.
 */
export function badInputField(message: string): string | undefined {
  const at = message.match(/^Variable "\$\w+" got invalid value .* at "([\w.[\]]+)"/);
  if (at)
    return (
      at[1]
        .split('.')
        .pop()
        ?.replace(/\[\d+\]$/, '') ?? ''
    );
  const variable = message.match(/^Variable "\$(\w+)" (?:got invalid value|of required type|of non-null type)/);
  if (variable) return variable[1];
  const argument = message.match(/argument "(\w+)" of type .* is required, but it was not provided/i);
  if (argument) return argument[1];
  const inputField = message.match(/^Field "(\w+)" of required type .* was not provided/);
  if (inputField) return inputField[1];
  if (
    /^(Value .* does not exist in .* enum|Enum .* cannot represent|Expected value of type|(Int|Float|String|ID|Boolean) cannot represent)/.test(
      message,
    )
  )
    return '';
  return undefined;
}
