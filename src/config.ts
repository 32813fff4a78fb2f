import path from 'node:path';

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
  neo4jHeap: string;
  seedDemo: boolean;
  jwtSecret: string | undefined;
  logLevel: string;
  maxDepth: number;
  maxCost: number;
  maxFirst: number;
  queryTimeoutMs: number;
  introspection: boolean;
  /** Serve the bundled GraphiQL at /graphql to browsers (GRAPHQL_IDE). */
  graphqlIde: boolean;
  strengthHalfLifeDays: number;
  restrictedWordsMode: 'REJECT' | 'FLAG';
  schedulingConflictDays: number;
}

type Env = Record<string, string | undefined>;

function int(env: Env, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value)) throw new Error(`${name} must be an integer, got "${raw}"`);
  return value;
}

function bool(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  return !['false', '0', 'no', 'off'].includes(raw.toLowerCase());
}

export function loadConfig(env: Env = process.env): Config {
  const production = env.NODE_ENV === 'production';
  const mode = (env.RESTRICTED_WORDS_MODE ?? 'REJECT').toUpperCase();
  return {
    port: int(env, 'PORT', 4000),
    host: env.HOST || '127.0.0.1',
    neo4jUri: env.NEO4J_URI || undefined,
    neo4jUser: env.NEO4J_USER || 'neo4j',
    neo4jPassword: env.NEO4J_PASSWORD || '',
    neo4jDatabase: env.NEO4J_DATABASE || 'neo4j',
    neo4jDataDir: path.resolve(env.NEO4J_DATA_DIR || './data/neo4j'),
    neo4jBoltPort: int(env, 'NEO4J_BOLT_PORT', 7687),
    neo4jHeap: env.NEO4J_HEAP || '2g',
    seedDemo: bool(env, 'SEED_DEMO', true),
    jwtSecret: env.JWT_SECRET || undefined,
    logLevel: env.LOG_LEVEL || 'info',
    maxDepth: int(env, 'MAX_QUERY_DEPTH', 10),
    maxCost: int(env, 'MAX_QUERY_COST', 200000),
    maxFirst: int(env, 'MAX_PAGE_SIZE', 10000),
    queryTimeoutMs: int(env, 'NEO4J_QUERY_TIMEOUT_MS', 30000),
    introspection: bool(env, 'GRAPHQL_INTROSPECTION', !production),
    graphqlIde: bool(env, 'GRAPHQL_IDE', bool(env, 'GRAPHQL_INTROSPECTION', !production)),
    strengthHalfLifeDays: int(env, 'STRENGTH_HALF_LIFE_DAYS', 180),
    restrictedWordsMode: mode === 'FLAG' ? 'FLAG' : 'REJECT',
    schedulingConflictDays: int(env, 'SCHEDULING_CONFLICT_DAYS', 14),
  };
}

/** The Bolt address the project talks to: NEO4J_URI, or the embedded server's. */
export function boltUri(config: Config): string {
  return config.neo4jUri ?? `bolt://127.0.0.1:${config.neo4jBoltPort}`;
}
