import { GraphQLClient } from 'graphql-request';
import { RunningApp, startApp } from '../../src/app';
import { Database } from '../../src/db/database';
import { createLogger } from '../../src/logger';
import { resetDatabase, testConfig } from './db';

export interface TestApp {
  app: RunningApp;
  db: Database;
  url: string;
  /** A graphql-request client, optionally with a bearer token. */
  client(token?: string): GraphQLClient;
  stop(): Promise<void>;
}

/** Starts the whole API over HTTP on a free port against the run's Neo4j, emptied first. */
export async function startTestApp(env: Record<string, string> = {}, options: { reset?: boolean } = {}): Promise<TestApp> {
  const config = testConfig({ PORT: '0', ...env });
  const app = await startApp(config, createLogger(process.env.TEST_LOG_LEVEL ?? 'silent'));
  await app.prepared;
  const db = app.services.db;
  if (options.reset !== false) await resetDatabase(db);
  return {
    app,
    db,
    url: app.url,
    client: (token?: string) => new GraphQLClient(app.url, { headers: token ? { authorization: `Bearer ${token}` } : {} }),
    stop: () => app.stop(),
  };
}

/** The `extensions.code` of the first error a graphql-request call failed with. */
export async function errorCode(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
  } catch (error) {
    const errors = (error as { response?: { errors?: { extensions?: { code?: string } }[] } }).response?.errors;
    return errors?.[0]?.extensions?.code;
  }
  throw new Error('expected the request to fail');
}
