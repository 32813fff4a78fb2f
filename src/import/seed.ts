import { generateNetwork } from './generate';
import { importNetwork } from './importer';
import { Logger } from '../logger';
import { Database } from '../db/database';

/** Size and seed of the demo network: deterministic, so every newcomer sees the same KOLs. */
export const DEMO_NETWORK = { hcps: 2000, seed: 2026 } as const;

/**
 * Loads the demo network (2,000 HCPs, their institutions, links of every type, MSLs with
 * relationships and interactions) when the database holds no HCP and no MSL yet.
 */
export async function seedDemoIfEmpty(db: Database, logger: Logger): Promise<boolean> {
  const [row] = await db.read<{ people: number }>('RETURN COUNT { MATCH (h:HCP) } + COUNT { MATCH (m:MSL) } AS people');
  if (row.people > 0) return false;
  const started = Date.now();
  const summary = await importNetwork(db, generateNetwork(DEMO_NETWORK));
  logger.info({ ms: Date.now() - started, rows: summary.rows }, 'demo network loaded (SEED_DEMO=false to skip)');
  return true;
}
