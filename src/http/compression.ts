import http from 'node:http';
import { promisify } from 'node:util';
import zlib from 'node:zlib';

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

export type Encoding = 'br' | 'gzip';

/**
 * The encoding to answer with from an Accept-Encoding header: brotli, else gzip, each unless
 * refused with `q=0` (a `*` counts for both); null for identity.
 */
export function chooseEncoding(acceptEncoding: string | string[] | undefined): Encoding | null {
  const header = Array.isArray(acceptEncoding) ? acceptEncoding.join(',') : (acceptEncoding ?? '');
  const quality = new Map<string, number>();
  for (const part of header.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const value = q ? Number(q.slice(2)) : 1;
    quality.set(name, Number.isFinite(value) ? value : 0);
  }
  const accepts = (name: Encoding) => (quality.get(name) ?? quality.get('*') ?? 0) > 0;
  if (accepts('br')) return 'br';
  if (accepts('gzip')) return 'gzip';
  return null;
}

/**
 * Ends `res` with `body`, compressed when the client accepts it and the body is at least
 * `minBytes` long (below that the headers cost more than compression saves). Brotli at quality 4:
 * about gzip's speed with smaller output on JSON; the work runs on libuv's thread pool.
 * The body is encoded to UTF-8 once, outside the JavaScript heap: given the string, Node would
 * measure it for the content-length and then copy it again, encoded, to write it.
 */
export async function endCompressed(req: http.IncomingMessage, res: http.ServerResponse, body: string, minBytes: number): Promise<void> {
  res.setHeader('vary', 'accept-encoding');
  const bytes = Buffer.from(body, 'utf8');
  const encoding = bytes.length >= minBytes ? chooseEncoding(req.headers['accept-encoding']) : null;
  if (!encoding) {
    res.setHeader('content-length', bytes.length);
    res.end(bytes);
    return;
  }
  const compressed =
    encoding === 'br'
      ? await brotli(bytes, {
          params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4, [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT },
        })
      : await gzip(bytes, { level: 6 });
  res.setHeader('content-encoding', encoding);
  res.setHeader('content-length', compressed.length);
  res.end(compressed);
}
