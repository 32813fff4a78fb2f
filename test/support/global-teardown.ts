import fs from 'node:fs';
import type { EmbeddedNeo4j } from '../../src/db/embedded';

export default async function globalTeardown(): Promise<void> {
  const state = (globalThis as Record<string, unknown>).__MSL_NEO4J__ as { neo4j: EmbeddedNeo4j; dataDir: string } | undefined;
  if (!state) return;
  await state.neo4j.stop();
  fs.rmSync(state.dataDir, { recursive: true, force: true });
}
