import { loadConfig } from '../../src/config';

/**
 * The environment a bench gives the API it starts in its own process: the given database, a
 * free port on loopback, open mode (no JWT secret: only loopback can reach it), no demo data,
 * no logs. Callers add what their measurement needs (timeouts, limits, the write bound).
 */
export function benchApiEnv(neo4jUri: string, extra: Record<string, string | undefined> = {}): Record<string, string | undefined> {
  return {
    NEO4J_URI: neo4jUri,
    NEO4J_USER: 'neo4j',
    NEO4J_PASSWORD: '',
    PORT: '0',
    HOST: '127.0.0.1',
    SEED_DEMO: 'false',
    JWT_SECRET: '',
    LOG_LEVEL: 'silent',
    ...extra,
  };
}

/** The embedded Neo4j's niceness as `npm start` reads it (NEO4J_NICE, or its default), for the benches that start their own. */
export function embeddedNice(): number {
  return loadConfig({ NEO4J_NICE: process.env.NEO4J_NICE }).neo4jNice;
}

/** POSTs one GraphQL operation to the bench's API and returns its data; the first error throws. */
export async function postGraphql(url: string, query: string, variables: Record<string, unknown>): Promise<any> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: any; errors?: { message: string }[] };
  if (body.errors?.length) throw new Error(body.errors[0].message);
  return body.data;
}
