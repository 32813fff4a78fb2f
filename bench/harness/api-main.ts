/**
 * A bench's API process: startApp, as src/main.ts calls it, against NEO4J_URI, in a process of
 * its own (bench/harness/api-process.ts). Configured as the bench's in-process API: libraries in
 * production mode, the API itself in open mode on loopback (its config's production switch
 * would demand authentication, which the in-process API and the other contenders do not pay).
 */
process.env.NODE_ENV = 'production';
// ts-node installs source-map-support, which rewrites every stack trace formatted, and the Neo4j
// driver formats one per statement; production (node dist/src/main.js) has none (see bench/run.ts).
(Error as { prepareStackTrace?: unknown }).prepareStackTrace = undefined;

import 'reflect-metadata';
import { startApp } from '../../src/app';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/logger';

async function main(): Promise<void> {
  const app = await startApp(loadConfig({ ...process.env, NODE_ENV: undefined }), createLogger('silent'));
  const stop = () => void app.stop().finally(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((error) => {
  process.stderr.write(`bench API process: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
