import 'reflect-metadata';
import { loadConfig } from './config';
import { EmbeddedNeo4j, EmbeddedStartError, startEmbeddedNeo4j } from './db/embedded';
import { RunningApp, startApp } from './app';
import { Database } from './db/database';
import { seedDemoIfEmpty } from './import/seed';
import { createLogger } from './logger';
import { authConfigProblem, authConfigured } from './http/auth';

/**
 * A backstop only: the API stops by itself within the drain grace (src/http/server.ts); should
 * something still hold it, the process and its JVM must stop anyway.
 */
const SHUTDOWN_GRACE_MS = 4000;

/** `npm start`: the embedded Neo4j (unless NEO4J_URI is set), then the API. */
async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  // A configuration that would run unsafely stops here, before anything starts, with one line.
  const problem = authConfigProblem(config);
  if (problem) {
    process.stderr.write(`msl-graph: ${problem}\n`);
    process.exit(1);
  }
  if (!authConfigured(config))
    logger.warn(
      'no authentication configured (JWT_SECRET, JWT_JWKS_URL): OPEN DEVELOPMENT MODE, every request is ADMIN. Never expose this server.',
    );

  let embedded: EmbeddedNeo4j | undefined;
  if (!config.neo4jUri) {
    try {
      embedded = await startEmbeddedNeo4j({
        dataDir: config.neo4jDataDir,
        boltPort: config.neo4jBoltPort,
        heap: config.neo4jHeap,
        pageCacheMb: config.neo4jPageCacheMb,
        nice: config.neo4jNice,
        log: (line) => logger.info(line),
      });
    } catch (error) {
      if (error instanceof EmbeddedStartError) {
        process.stderr.write(`msl-graph: ${error.message}\n`);
        process.exit(1);
      }
      throw error;
    }
    logger.info({ uri: embedded.uri, dataDir: config.neo4jDataDir }, 'embedded Neo4j ready');
  }

  const seed = config.seedDemo ? (db: Database) => seedDemoIfEmpty(db, logger).then(() => undefined) : undefined;
  const app: RunningApp = await startApp(config, logger, seed);
  logger.info({ url: app.url }, 'MSL Graph API listening');

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down: draining requests');
    const started = Date.now();
    const stopped = await Promise.race([
      app.stop().then(
        () => true,
        (error) => (logger.error({ err: error }, 'error while stopping the API'), true),
      ),
      new Promise<boolean>((resolve) => setTimeout(resolve, SHUTDOWN_GRACE_MS, false).unref()),
    ]);
    if (!stopped) logger.warn({ graceMs: SHUTDOWN_GRACE_MS }, 'API did not stop within the grace period: stopping anyway');
    else logger.info({ ms: Date.now() - started }, 'API stopped');
    if (embedded) {
      const jvm = Date.now();
      await embedded.stop();
      logger.info({ ms: Date.now() - jvm }, 'embedded Neo4j stopped');
    }
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((error) => {
  process.stderr.write(`msl-graph: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
