/**
 * CSV exports of the network listings for spreadsheets and BI tools:
 *
 *   GET /export/kol-ranking.csv?metric=&therapeuticAreaId=&territoryId=&first=
 *   GET /export/communities.csv
 *
 * Same arguments, defaults, rows, errors and roles as the GraphQL fields `kolRanking` and
 * `communities` (both read src/graph/network/network.listings.ts over the network snapshot of the
 * request), the same bearer authentication as /graphql. Rows are written batch by batch (names
 * read from Neo4j 500 HCPs at a time, honouring back-pressure), so a large export never sits whole
 * in memory. Every cell goes through the CSV writer's one cell rule (src/import/csv.ts).
 * Errors are JSON: 400 BAD_USER_INPUT (with `field`), 401, 404 NOT_FOUND, 405.
 */
import http from 'node:http';
import { DomainError, ValidationError } from '../errors';
import { AppServices } from '../graph/context';
import { HcpRepository } from '../graph/hcp/hcp.repository';
import { communityList, kolRanking } from '../graph/network/network.listings';
import { CsvValue, formatCsvRow } from '../import/csv';
import { Metric } from '../network/snapshot';
import { Authenticate } from './auth';

const METRICS: readonly Metric[] = ['PAGERANK', 'BETWEENNESS', 'DEGREE', 'COMPOSITE'];
const BATCH = 500;

const STATUS: Record<string, number> = {
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  SERVICE_UNAVAILABLE: 503,
};

export const EXPORT_ROUTES = ['/export/kol-ranking.csv', '/export/communities.csv'] as const;

/** Serves an export route; false when `route` is none of them. */
export function exportRoutes(app: AppServices, authenticate: Authenticate) {
  return async (req: http.IncomingMessage, res: http.ServerResponse, route: string, url: URL): Promise<boolean> => {
    if (!(EXPORT_ROUTES as readonly string[]).includes(route)) return false;
    res.setHeader('cache-control', 'no-store');
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('allow', 'GET, HEAD');
      sendError(res, 405, 'BAD_REQUEST', 'exports answer GET only');
      return true;
    }
    try {
      await authenticate(req.headers.authorization);
      const rows =
        route === '/export/kol-ranking.csv' ? await rankingRows(app, url.searchParams) : await communityRows(app, url.searchParams);
      res.statusCode = 200;
      res.setHeader('content-type', 'text/csv; charset=utf-8');
      res.setHeader('content-disposition', `attachment; filename="${route.slice('/export/'.length)}"`);
      if (req.method === 'HEAD') res.end();
      else await stream(res, rows);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      if (res.headersSent) res.destroy(error);
      else sendError(res, STATUS[error.code] ?? 400, error.code, error.message, error.extensions);
    }
    return true;
  };
}

/** Header row, then batches of rows, each batch resolved only when the previous one is written. */
type Rows = { header: string[]; batches: () => AsyncGenerator<CsvValue[][]> };

async function rankingRows(app: AppServices, params: URLSearchParams): Promise<Rows> {
  const args = queryArgs(params, ['metric', 'therapeuticAreaId', 'territoryId', 'first']);
  const metric = (args.metric ?? 'PAGERANK') as Metric;
  if (!METRICS.includes(metric)) throw new ValidationError('metric', `must be one of ${METRICS.join(', ')}`);
  const first = args.first === undefined ? 20 : integer(args.first, 'first');
  const snapshot = await app.network.snapshot();
  const ranked = await kolRanking(
    snapshot,
    { metric, therapeuticAreaId: args.therapeuticAreaId ?? null, territoryId: args.territoryId ?? null, first },
    app.config.maxFirst,
  );
  const names = new HcpRepository(app.db);
  return {
    header: ['rank', 'hcpId', 'name', 'specialty', 'score'],
    batches: async function* () {
      for (let start = 0; start < ranked.length; start += BATCH) {
        const batch = ranked.slice(start, start + BATCH);
        const hcps = new Map((await names.byIds(batch.map((row) => row.hcpId))).map((hcp) => [hcp.id, hcp]));
        yield batch.map((row) => [row.rank, row.hcpId, hcps.get(row.hcpId)?.name, hcps.get(row.hcpId)?.specialty, row.score]);
      }
    },
  };
}

async function communityRows(app: AppServices, params: URLSearchParams): Promise<Rows> {
  queryArgs(params, []);
  const snapshot = await app.network.snapshot();
  const { members } = snapshot.communities();
  const names = new HcpRepository(app.db);
  // One row per member: communities largest first, members by id.
  const rows = communityList(snapshot).flatMap((community) =>
    Array.from(members[community.index], (v) => [community.id, community.size, snapshot.net.hcpIds[v]] as const),
  );
  return {
    header: ['communityId', 'communitySize', 'hcpId', 'name'],
    batches: async function* () {
      for (let start = 0; start < rows.length; start += BATCH) {
        const batch = rows.slice(start, start + BATCH);
        const hcps = new Map((await names.byIds(batch.map((row) => row[2]))).map((hcp) => [hcp.id, hcp]));
        yield batch.map(([id, size, hcpId]) => [id, size, hcpId, hcps.get(hcpId)?.name]);
      }
    },
  };
}

/** The query parameters, each at most once and among `allowed`; else BAD_USER_INPUT naming it. */
function queryArgs(params: URLSearchParams, allowed: readonly string[]): Record<string, string | undefined> {
  const args: Record<string, string | undefined> = {};
  for (const [name, value] of params) {
    if (!allowed.includes(name))
      throw new ValidationError(
        name,
        allowed.length ? `unknown parameter (allowed: ${allowed.join(', ')})` : 'this export takes no parameters',
      );
    if (name in args) throw new ValidationError(name, 'given more than once');
    args[name] = value;
  }
  return args;
}

function integer(text: string, field: string): number {
  if (!/^-?\d+$/.test(text)) throw new ValidationError(field, 'must be an integer');
  return Number(text);
}

async function stream(res: http.ServerResponse, rows: Rows): Promise<void> {
  res.write(formatCsvRow(rows.header));
  for await (const batch of rows.batches()) {
    if (res.destroyed) return;
    if (!res.write(batch.map(formatCsvRow).join(''))) await new Promise((resolve) => res.once('drain', resolve).once('close', resolve));
  }
  res.end();
}

function sendError(
  res: http.ServerResponse,
  status: number,
  code: string,
  message: string,
  extensions: Record<string, unknown> = {},
): void {
  res.statusCode = status;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.end(JSON.stringify({ errors: [{ message, extensions: { ...extensions, code } }] }));
}
