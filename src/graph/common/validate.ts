import { randomUUID } from 'node:crypto';
import { epochDay } from '../../engagement/dates';
import { ValidationError } from '../../errors';

/**
 * Input checks shared by the mutations. Each names the field at fault (ValidationError ->
 * BAD_USER_INPUT with extensions.field) and returns the normalized value.
 */

export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

export const MAX_NAME = 200;
export const MAX_TEXT = 10000;

/** The client's id (checked against ID_PATTERN), or `${prefix}-<uuid>` when none is given. */
export function newId(prefix: string, given: string | null | undefined, field = 'id'): string {
  if (given === null || given === undefined) return `${prefix}-${randomUUID()}`;
  if (!ID_PATTERN.test(given))
    throw new ValidationError(field, 'must be 1-128 letters, digits, ".", "_", ":" or "-", starting with a letter or digit');
  return given;
}

/** A referenced id: non-empty (existence is checked against the database separately). */
export function refId(value: string, field: string): string {
  if (value.trim() === '') throw new ValidationError(field, 'must not be empty');
  return value;
}

/** An integer argument within min..max. */
export function intArg(value: number, field: string, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max)
    throw new ValidationError(field, `must be an integer between ${min} and ${max}`);
  return value;
}

/** A calendar date `YYYY-MM-DD` that exists (past or future). */
export function isoDateArg(value: string, field: string): string {
  const text = value.trim();
  if (!DATE_PATTERN.test(text) || Number.isNaN(epochDay(text)))
    throw new ValidationError(field, 'must be an ISO 8601 calendar date (YYYY-MM-DD)');
  return text;
}

export function optionalIsoDateArg(value: string | null | undefined, field: string): string | null {
  return value === null || value === undefined ? null : isoDateArg(value, field);
}

/** A date range whose `from` is not after its `to` (when both are given); BAD_USER_INPUT names `field`. */
export function orderedDates(from: string | null, to: string | null, field = 'to'): void {
  if (from !== null && to !== null && to < from) throw new ValidationError(field, 'must not be before `from`');
}

/** Trimmed, non-empty text of at most `max` characters. */
export function requiredText(value: string | null | undefined, field: string, max = MAX_NAME): string {
  const text = (value ?? '').trim();
  if (text === '') throw new ValidationError(field, 'must not be empty');
  if (text.length > max) throw new ValidationError(field, `must be at most ${max} characters`);
  return text;
}

/** Trimmed text, or null for null/empty. */
export function optionalText(value: string | null | undefined, field: string, max = MAX_NAME): string | null {
  const text = (value ?? '').trim();
  if (text.length > max) throw new ValidationError(field, `must be at most ${max} characters`);
  return text === '' ? null : text;
}

/** A plausible e-mail address, or null for null/empty. */
export function optionalEmail(value: string | null | undefined, field = 'email'): string | null {
  const text = optionalText(value, field, 254);
  if (text !== null && !EMAIL_PATTERN.test(text)) throw new ValidationError(field, 'is not an e-mail address');
  return text;
}

/** A weight or strength: a finite number in (0, 1]. */
export function unitInterval(value: number, field: string): number {
  if (!Number.isFinite(value) || value <= 0 || value > 1) throw new ValidationError(field, 'must be greater than 0 and at most 1');
  return value;
}

/** A calendar date `YYYY-MM-DD` that exists and is not in the future (one day of slack for time zones). */
export function pastIsoDate(value: string, field: string, today = new Date()): string {
  const match = DATE_PATTERN.exec(value.trim());
  if (!match) throw new ValidationError(field, 'must be an ISO 8601 date (YYYY-MM-DD)');
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    throw new ValidationError(field, 'is not a calendar date');
  }
  if (year < 1900) throw new ValidationError(field, 'must be after 1900');
  if (date.getTime() > today.getTime() + 24 * 3600 * 1000) throw new ValidationError(field, 'must not be in the future');
  return match[0];
}

/** Distinct ids of a list, each non-empty. */
export function idList(values: readonly string[], field: string): string[] {
  for (const value of values) refId(value, field);
  return [...new Set(values)];
}

/** A non-empty list of at most `max` ids, each non-empty, none repeated (a repeat is a mistake, not merged). */
export function distinctIdList(values: readonly string[], field: string, max: number): string[] {
  if (values.length === 0) throw new ValidationError(field, 'must not be empty');
  if (values.length > max) throw new ValidationError(field, `must hold at most ${max} ids`);
  const seen = new Set<string>();
  for (const value of values) {
    refId(value, field);
    if (seen.has(value)) throw new ValidationError(field, `lists "${value}" twice`);
    seen.add(value);
  }
  return [...values];
}
