import path from 'node:path';
import { machineMemoryMb, memoryDefaults } from './memory';

/** Every setting the process reads, from the environment, once. The README's table mirrors this. */
export interface Config {
  port: number;
  host: string;
  neo4jUri: string | undefined;
  neo4jUser: string;
  neo4jPassword: string;
  neo4jDatabase: string;
  neo4jDataDir: string;
  neo4jBoltPort: number;
  /** Heap of the embedded Neo4j (NEO4J_HEAP; default half of MACHINE_MEMORY_MB, see src/memory.ts). */
  neo4jHeap: string;
  /** Page cache of the embedded Neo4j, MB (NEO4J_PAGECACHE_MB; default an eighth of MACHINE_MEMORY_MB): the store files it keeps in memory. */
  neo4jPageCacheMb: number;
  /** Niceness of the embedded Neo4j's JVM (NEO4J_NICE, 0-19; default 0: the API's priority). */
  neo4jNice: number;
  /** The memory the embedded Neo4j's defaults are derived from, MB (MACHINE_MEMORY_MB; default the machine's or container's). */
  machineMemoryMb: number;
  seedDemo: boolean;
  /** NODE_ENV=production: introspection off by default, and the process refuses to start without authentication. */
  production: boolean;
  /** HS256 secret (JWT_SECRET), at least 32 bytes. */
  jwtSecret: string | undefined;
  /** RS256/ES256 keys of an OpenID Connect provider (JWT_JWKS_URL), fetched, cached and rotated by `jose`. */
  jwtJwksUrl: string | undefined;
  /** When set, tokens must carry this `iss` (JWT_ISSUER). */
  jwtIssuer: string | undefined;
  /** When set, tokens must carry this `aud` (JWT_AUDIENCE). */
  jwtAudience: string | undefined;
  /** Longest accepted token lifetime, exp - iat (JWT_MAX_LIFETIME_MINUTES). */
  jwtMaxLifetimeMinutes: number;
  /** Least time between two JWKS fetches triggered by an unknown key id (JWT_JWKS_COOLDOWN_MS). */
  jwtJwksCooldownMs: number;
  logLevel: string;
  maxDepth: number;
  maxCost: number;
  maxFirst: number;
  /** Responses at least this long are compressed when the client accepts gzip or brotli (COMPRESSION_MIN_BYTES). */
  compressionMinBytes: number;
  /** Tokens a query document may hold (MAX_QUERY_TOKENS); the parser stops there. */
  maxTokens: number;
  /** Aliased fields a query may hold, fragments expanded (MAX_QUERY_ALIASES). */
  maxAliases: number;
  queryTimeoutMs: number;
  /**
   * Write transactions this instance runs at once (MAX_CONCURRENT_WRITES; 0: no bound); the others
   * wait in Node, so concurrent writes do not crowd the database's CPUs and the reads out.
   */
  maxConcurrentWrites: number;
  /**
   * The same bound while reading (MAX_CONCURRENT_WRITES_WHILE_READING; 0: no other bound): while
   * a GraphQL query is in flight and READ_PRIORITY_WINDOW_MS after one, so reads come first: see
   * src/db/write-gate.ts.
   */
  maxConcurrentWritesWhileReading: number;
  /** Write transactions started per second while reading (MAX_WRITES_PER_SECOND_WHILE_READING; 0: no pace). */
  maxWritesPerSecondWhileReading: number;
  /** How long after a query's answer writes stay bounded as while reading (READ_PRIORITY_WINDOW_MS). */
  readPriorityWindowMs: number;
  introspection: boolean;
  /** Serve the bundled GraphiQL at /graphql to browsers (GRAPHQL_IDE). */
  graphqlIde: boolean;
  strengthHalfLifeDays: number;
  /** How long a betweenness answer waits for the exact result before answering an estimate (BETWEENNESS_BUDGET_MS). */
  betweennessBudgetMs: number;
  restrictedWordsMode: 'REJECT' | 'FLAG';
  schedulingConflictDays: number;
  /** Largest request body read (MAX_BODY_BYTES); larger ones get 413 and the connection closes. */
  maxBodyBytes: number;
  /** Time to receive a whole request, headers and body (HTTP_REQUEST_TIMEOUT_MS): slow senders are cut off. */
  httpRequestTimeoutMs: number;
  /** Time to receive the request headers (HTTP_HEADERS_TIMEOUT_MS). */
  httpHeadersTimeoutMs: number;
  /** Idle time before a kept-alive connection is closed (HTTP_KEEP_ALIVE_TIMEOUT_MS). */
  httpKeepAliveTimeoutMs: number;
  /** Open connections at most (HTTP_MAX_CONNECTIONS); further ones are closed at once. */
  httpMaxConnections: number;
  /** When set, /metrics needs `Authorization: Bearer <METRICS_TOKEN>`. */
  metricsToken: string | undefined;
  /** When set, /metrics is served on this port only (same HOST), not on PORT. */
  metricsPort: number | undefined;
  /** Distinct operation names kept as metric labels; later ones are counted under "other". */
  metricsMaxOperations: number;
  /** How often an instance with subscribers reads new live events (LIVE_POLL_MS). */
  livePollMs: number;
  /** WebSocket connections (subscriptions) open at most per instance (WS_MAX_CONNECTIONS). */
  wsMaxConnections: number;
  /** Subscriptions one WebSocket connection may hold at once (WS_MAX_SUBSCRIPTIONS). */
  wsMaxSubscriptions: number;
  /** Largest WebSocket message a client may send (WS_MAX_MESSAGE_BYTES); larger: the socket is closed (1009). */
  wsMaxMessageBytes: number;
  /** GRAPHQL_EXECUTOR: graphql-jit's compiled queries (default) or graphql-js for everything. */
  graphqlExecutor: 'jit' | 'graphql-js';
}

type Env = Record<string, string | undefined>;

function int(env: Env, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value)) throw new Error(`${name} must be an integer, got "${raw}"`);
  return value;
}

/** An integer >= 0 (a bound where 0 means none). */
function count(env: Env, name: string, fallback: number): number {
  const value = int(env, name, fallback);
  if (value < 0) throw new Error(`${name} must be 0 (no bound) or more, got "${env[name]}"`);
  return value;
}

/** A niceness a process may give itself without privileges: 0 (unchanged) to 19 (lowest priority). */
function niceness(env: Env, name: string): number {
  const value = int(env, name, 0);
  if (value < 0 || value > 19) throw new Error(`${name} must be 0 to 19 (a lower priority; 0: unchanged), got "${env[name]}"`);
  return value;
}

function bool(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  return !['false', '0', 'no', 'off'].includes(raw.toLowerCase());
}

/**
 * While queries come (one in flight, or one answered in the last READ_PRIORITY_WINDOW_MS), write
 * transactions start at most 170 a second, at most 3 at once. On 2 cores with 16 writers and a
 * reader looping network queries (5,000 HCPs, held runs): 160-167 writes/s in every round (p95
 * 110-135 ms) and the readers' p95 9-16 ms during the writes, against 293-343 writes/s and 27-48
 * ms with no window. The pace holds the writes near 170 a second whatever a transaction takes;
 * 2 at once and a pace of 250 (bounded by the slots instead) gave 125-196 writes/s, 1 at once
 * 93-115 (docs/performance.md, "Writes"). With no query for the window, writes use the whole machine.
 */
const DEFAULT_WRITES_WHILE_READING = 3;
const DEFAULT_WRITES_PER_SECOND_WHILE_READING = 170;
const DEFAULT_READ_PRIORITY_WINDOW_MS = 1000;

/**
 * NEO4J_DATABASE names a database of an external server. The embedded Neo4j (Community) serves,
 * imports into and records changes of one database, `neo4j`: another name would only fail later,
 * at the first statement, or bulk-import under a name nothing serves.
 */
function databaseName(env: Env): string {
  const name = env.NEO4J_DATABASE || 'neo4j';
  if (!env.NEO4J_URI && name !== 'neo4j') {
    throw new Error(`NEO4J_DATABASE applies to an external server (NEO4J_URI); the embedded Neo4j serves only "neo4j", got "${name}"`);
  }
  return name;
}

export function loadConfig(env: Env = process.env): Config {
  const production = env.NODE_ENV === 'production';
  const mode = (env.RESTRICTED_WORDS_MODE ?? 'REJECT').toUpperCase();
  const memory = memoryDefaults(int(env, 'MACHINE_MEMORY_MB', machineMemoryMb()));
  return {
    port: int(env, 'PORT', 4000),
    host: env.HOST || '127.0.0.1',
    neo4jUri: env.NEO4J_URI || undefined,
    neo4jUser: env.NEO4J_USER || 'neo4j',
    neo4jPassword: env.NEO4J_PASSWORD || '',
    neo4jDatabase: databaseName(env),
    neo4jDataDir: path.resolve(env.NEO4J_DATA_DIR || './data/neo4j'),
    neo4jBoltPort: int(env, 'NEO4J_BOLT_PORT', 7687),
    neo4jHeap: env.NEO4J_HEAP || `${memory.heapMb}m`,
    neo4jPageCacheMb: int(env, 'NEO4J_PAGECACHE_MB', memory.pageCacheMb),
    machineMemoryMb: memory.machineMb,
    neo4jNice: niceness(env, 'NEO4J_NICE'),
    seedDemo: bool(env, 'SEED_DEMO', true),
    production,
    jwtSecret: env.JWT_SECRET || undefined,
    jwtJwksUrl: env.JWT_JWKS_URL || undefined,
    jwtIssuer: env.JWT_ISSUER || undefined,
    jwtAudience: env.JWT_AUDIENCE || undefined,
    jwtMaxLifetimeMinutes: int(env, 'JWT_MAX_LIFETIME_MINUTES', 24 * 60),
    jwtJwksCooldownMs: int(env, 'JWT_JWKS_COOLDOWN_MS', 30000),
    logLevel: env.LOG_LEVEL || 'info',
    maxDepth: int(env, 'MAX_QUERY_DEPTH', 10),
    maxCost: int(env, 'MAX_QUERY_COST', 200000),
    maxFirst: int(env, 'MAX_PAGE_SIZE', 10000),
    compressionMinBytes: int(env, 'COMPRESSION_MIN_BYTES', 1024),
    maxTokens: int(env, 'MAX_QUERY_TOKENS', 2000),
    maxAliases: int(env, 'MAX_QUERY_ALIASES', 50),
    queryTimeoutMs: int(env, 'NEO4J_QUERY_TIMEOUT_MS', 30000),
    maxConcurrentWrites: count(env, 'MAX_CONCURRENT_WRITES', 0),
    maxConcurrentWritesWhileReading: count(env, 'MAX_CONCURRENT_WRITES_WHILE_READING', DEFAULT_WRITES_WHILE_READING),
    maxWritesPerSecondWhileReading: count(env, 'MAX_WRITES_PER_SECOND_WHILE_READING', DEFAULT_WRITES_PER_SECOND_WHILE_READING),
    readPriorityWindowMs: count(env, 'READ_PRIORITY_WINDOW_MS', DEFAULT_READ_PRIORITY_WINDOW_MS),
    introspection: bool(env, 'GRAPHQL_INTROSPECTION', !production),
    graphqlIde: bool(env, 'GRAPHQL_IDE', bool(env, 'GRAPHQL_INTROSPECTION', !production)),
    strengthHalfLifeDays: int(env, 'STRENGTH_HALF_LIFE_DAYS', 180),
    betweennessBudgetMs: int(env, 'BETWEENNESS_BUDGET_MS', 10000),
    restrictedWordsMode: mode === 'FLAG' ? 'FLAG' : 'REJECT',
    schedulingConflictDays: int(env, 'SCHEDULING_CONFLICT_DAYS', 14),
    maxBodyBytes: int(env, 'MAX_BODY_BYTES', 1024 * 1024),
    httpRequestTimeoutMs: int(env, 'HTTP_REQUEST_TIMEOUT_MS', 30000),
    httpHeadersTimeoutMs: int(env, 'HTTP_HEADERS_TIMEOUT_MS', 10000),
    httpKeepAliveTimeoutMs: int(env, 'HTTP_KEEP_ALIVE_TIMEOUT_MS', 5000),
    httpMaxConnections: int(env, 'HTTP_MAX_CONNECTIONS', 1024),
    metricsToken: env.METRICS_TOKEN || undefined,
    metricsPort: env.METRICS_PORT ? int(env, 'METRICS_PORT', 0) : undefined,
    metricsMaxOperations: int(env, 'METRICS_MAX_OPERATIONS', 200),
    livePollMs: int(env, 'LIVE_POLL_MS', 500),
    wsMaxConnections: int(env, 'WS_MAX_CONNECTIONS', 256),
    wsMaxSubscriptions: int(env, 'WS_MAX_SUBSCRIPTIONS', 20),
    wsMaxMessageBytes: int(env, 'WS_MAX_MESSAGE_BYTES', 65536),
    graphqlExecutor: executorKind(env.GRAPHQL_EXECUTOR),
  };
}

function executorKind(raw: string | undefined): 'jit' | 'graphql-js' {
  if (raw === undefined || raw === '' || raw === 'jit') return 'jit';
  if (raw === 'graphql-js') return 'graphql-js';
  throw new Error(`GRAPHQL_EXECUTOR must be jit or graphql-js, got "${raw}"`);
}

/** The Bolt address the project talks to: NEO4J_URI, or the embedded server's. */
export function boltUri(config: Config): string {
  return config.neo4jUri ?? `bolt://127.0.0.1:${config.neo4jBoltPort}`;
}
