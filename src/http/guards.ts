import http from 'node:http';
import { timingSafeEqual } from 'node:crypto';

/**
 * Checks made on the raw HTTP request before GraphQL sees it.
 *
 * Cross-site requests: a web page may POST `text/plain`, `application/x-www-form-urlencoded` or
 * `multipart/form-data` to any address without a CORS preflight. Only the two JSON media types
 * (exact type, any parameters) are parsed, so none of those "simple" requests ever reaches
 * execution. We do not use Apollo's `csrfPrevention`: it also refuses plain GET queries without a
 * special header, which GraphQL over HTTP clients do not send; GET never runs a mutation anyway.
 */
const JSON_TYPES = new Set(['application/json', 'application/graphql-response+json']);

/** The media type without parameters, lower-cased: `Application/JSON; charset=x` -> `application/json`. */
export function mediaType(contentType: string | undefined): string {
  return (contentType ?? '').split(';')[0].trim().toLowerCase();
}

export function isJsonMediaType(contentType: string | undefined): boolean {
  return JSON_TYPES.has(mediaType(contentType));
}

/**
 * DNS rebinding and cross-site reads in open development mode (no authentication configured,
 * every request is ADMIN): only requests whose `Host` names a loopback address are served
 * (a rebinding page's requests carry the attacker's host name), and a request carrying an
 * `Origin` must come from a loopback origin (a page on another site). Returns the HTTP status to
 * refuse with, or undefined to serve.
 */
export function openModeRefusal(req: http.IncomingMessage): { status: number; message: string } | undefined {
  const host = req.headers.host;
  if (!host || !isLoopbackHost(host))
    return {
      status: 421,
      message:
        'open development mode serves only loopback host names (localhost, 127.0.0.1, [::1]); configure authentication to serve other hosts',
    };
  const origin = req.headers.origin;
  if (origin !== undefined && !isLoopbackOrigin(origin))
    return { status: 403, message: 'open development mode refuses requests from pages of other origins' };
  return undefined;
}

const LOOPBACK_NAMES = new Set(['localhost', '127.0.0.1', '[::1]']);

/** `localhost`, `127.0.0.1`, `[::1]`, each with an optional port. */
export function isLoopbackHost(host: string): boolean {
  const match = host.toLowerCase().match(/^(\[[^\]]+\]|[^:]+)(?::(\d{1,5}))?$/);
  return match !== null && LOOPBACK_NAMES.has(match[1]);
}

export function isLoopbackOrigin(origin: string): boolean {
  const match = origin.toLowerCase().match(/^https?:\/\/(.+)$/);
  return match !== null && isLoopbackHost(match[1]);
}

/** `Authorization: Bearer <expected>`, compared in constant time. */
export function hasBearer(req: http.IncomingMessage, expected: string): boolean {
  const given = req.headers.authorization?.match(/^Bearer\s+(\S+)$/i)?.[1];
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export const TOO_LARGE = Symbol('too large');

/**
 * Reads a request body of at most `limit` bytes. A declared `content-length` over the limit is
 * refused before reading anything; a body that grows past it (chunked, or a lying length) stops
 * being read at once: the caller answers 413 and closes the connection, the rest is never read.
 */
export function readBody(req: http.IncomingMessage, limit: number): Promise<string | typeof TOO_LARGE> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) return Promise.resolve(TOO_LARGE);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) return void chunks.push(chunk);
      req.off('data', onData);
      req.pause();
      resolve(TOO_LARGE);
    };
    req.on('data', onData);
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
