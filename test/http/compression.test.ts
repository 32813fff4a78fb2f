import http from 'node:http';
import zlib from 'node:zlib';
import { chooseEncoding } from '../../src/http/compression';
import { TestApp, startTestApp } from '../support/app';

describe('chooseEncoding', () => {
  it('prefers brotli, then gzip, honours q=0 and *', () => {
    expect(chooseEncoding('gzip, deflate, br')).toBe('br');
    expect(chooseEncoding('gzip')).toBe('gzip');
    expect(chooseEncoding('br;q=0, gzip;q=0.5')).toBe('gzip');
    expect(chooseEncoding('*')).toBe('br');
    expect(chooseEncoding('*, br;q=0')).toBe('gzip');
    expect(chooseEncoding('identity')).toBeNull();
    expect(chooseEncoding('gzip;q=0')).toBeNull();
    expect(chooseEncoding(undefined)).toBeNull();
    expect(chooseEncoding('')).toBeNull();
  });
});

describe('compressed GraphQL responses', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ COMPRESSION_MIN_BYTES: '1024' });
    await t.db.write(
      "UNWIND range(1, 60) AS n CREATE (:HCP {id: 'hcp-' + n, firstName: 'First' + n, lastName: 'Last' + n, specialty: 'Medical Oncology'})",
    );
  });
  afterAll(() => t.stop());

  function post(query: string, acceptEncoding?: string): Promise<{ headers: http.IncomingHttpHeaders; body: Buffer }> {
    const url = new URL(t.url);
    return new Promise((resolve, reject) => {
      const req = http.request(
        {
          host: url.hostname,
          port: url.port,
          path: url.pathname,
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(acceptEncoding ? { 'accept-encoding': acceptEncoding } : {}) },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
        },
      );
      req.on('error', reject);
      req.end(JSON.stringify({ query }));
    });
  }

  const BIG = '{ hcps(first: 60) { edges { node { id name firstName lastName specialty } } } }';

  it('answers brotli or gzip when accepted, the same JSON as uncompressed', async () => {
    const plain = await post(BIG);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.length).toBeGreaterThan(1024);
    const br = await post(BIG, 'gzip, br');
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    expect(zlib.brotliDecompressSync(br.body).toString('utf8')).toBe(plain.body.toString('utf8'));
    expect(br.body.length).toBeLessThan(plain.body.length / 3);
    const gz = await post(BIG, 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(Number(gz.headers['content-length'])).toBe(gz.body.length);
    expect(zlib.gunzipSync(gz.body).toString('utf8')).toBe(plain.body.toString('utf8'));
  });

  it('leaves small responses and refused encodings alone', async () => {
    const small = await post('{ hcp(id: "hcp-1") { id } }', 'br, gzip');
    expect(small.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(small.body.toString('utf8'))).toEqual({ data: { hcp: { id: 'hcp-1' } } });
    const refused = await post(BIG, 'br;q=0, gzip;q=0');
    expect(refused.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(refused.body.toString('utf8')).data.hcps.edges).toHaveLength(60);
  });
});
