import { ValidationError } from '../errors';
import { epochDay } from './vocabulary';

/**
 * Argument checks of the engagement API; each names the argument at fault (BAD_USER_INPUT with
 * extensions.field) and returns the normalized value.
 */

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar date `YYYY-MM-DD` that exists (past or future). */
export function isoDateArg(value: string, field: string): string {
  const text = value.trim();
  if (!DATE.test(text) || Number.isNaN(epochDay(text))) throw new ValidationError(field, 'must be an ISO 8601 calendar date (YYYY-MM-DD)');
  return text;
}

export function optionalIsoDateArg(value: string | null | undefined, field: string): string | null {
  return value === null || value === undefined ? null : isoDateArg(value, field);
}

/** An integer within min..max. */
export function intArg(value: number, field: string, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) throw new ValidationError(field, `must be an integer between ${min} and ${max}`);
  return value;
}

/** A non-empty id. */
export function idArg(value: string, field: string): string {
  if (value.trim() === '') throw new ValidationError(field, 'must not be empty');
  return value;
}

/** `from` must not be after `to` when both are given. */
export function checkRange(from: string | null, to: string | null, field = 'to'): void {
  if (from !== null && to !== null && to < from) throw new ValidationError(field, 'must not be before `from`');
}
