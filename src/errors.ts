/**
 * Domain errors. Repositories and services throw these; src/http/errors.ts maps them once to
 * the GraphQL `extensions.code` values of the contract. Anything else becomes
 * INTERNAL_SERVER_ERROR with no details.
 */
export type ErrorCode =
  'BAD_USER_INPUT' | 'NOT_FOUND' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'QUERY_TOO_COMPLEX' | 'SERVICE_UNAVAILABLE' | 'CONFLICT';

export abstract class DomainError extends Error {
  abstract readonly code: ErrorCode;
  readonly extensions: Record<string, unknown>;

  constructor(message: string, extensions: Record<string, unknown> = {}) {
    super(message);
    this.name = new.target.name;
    this.extensions = extensions;
  }
}

/** Input that fails validation; `field` names the argument or input field at fault. */
export class ValidationError extends DomainError {
  readonly code = 'BAD_USER_INPUT' as const;
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(`${field}: ${message}`, { field });
  }
}

export class NotFoundError extends DomainError {
  readonly code = 'NOT_FOUND' as const;
  constructor(
    readonly entity: string,
    readonly id: string,
  ) {
    super(`${entity} "${id}" not found`, { entity, id });
  }
}

export class UnauthenticatedError extends DomainError {
  readonly code = 'UNAUTHENTICATED' as const;
}

export class ForbiddenError extends DomainError {
  readonly code = 'FORBIDDEN' as const;
}

export class ServiceUnavailableError extends DomainError {
  readonly code = 'SERVICE_UNAVAILABLE' as const;
}

/** A write that contradicts existing data (e.g. a scheduling conflict when rejected). */
export class ConflictError extends DomainError {
  readonly code = 'CONFLICT' as const;
}
