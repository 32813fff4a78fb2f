/**
 * Import benchmark.
 *
 *   npx ts-node --transpile-only src/import/bench.ts --reset [--hcps 100000] [--seed 1]
 *       [--batch-size 10000] [--link-mode auto|check|merge] [--dry-run] [--twice]
 *
 * Generates the network, writes it as CSV into a temporary folder, EMPTIES the database at
 * NEO4J_URI (hence the required --reset), imports the folder with importFolder (validation, then
 * one transaction) and prints the phases, rows/s and the peak transaction memory Neo4j reported
 * (SHOW TRANSACTIONS, polled every second). --dry-run rolls the transaction back instead of
 * committing: it measures the write without the commit's memory needs. --twice imports the same
 * folder a second time (the idempotent re-run: everything is read and compared, nothing changes).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { boltUri, loadConfig } from '../config';
import { connect } from '../db/connect';
import { writeNetworkCsv } from './export';
import { generateNetwork } from './generate';
import { formatSummary, importFolder } from './importer';

interface BenchArgs {
  hcps: number;
  seed: number;
  batchSize?: number;
  linkMode: 'auto' | 'check' | 'merge';
  dryRun: boolean;
  reset: boolean;
  twice: boolean;
}

function parse(argv: string[]): BenchArgs {
  const args: BenchArgs = { hcps: 100000, seed: 1, linkMode: 'auto', dryRun: false, reset: false, twice: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--hcps') args.hcps = Number(argv[++i]);
    else if (a === '--seed') args.seed = Number(argv[++i]);
    else if (a === '--batch-size') args.batchSize = Number(argv[++i]);
    else if (a === '--link-mode') args.linkMode = argv[++i] as BenchArgs['linkMode'];
    else if (a === '--dry-run') args.dryRun = true;
    else if (a === '--reset') args.reset = true;
    else if (a === '--twice') args.twice = true;
    else throw new Error(`unknown argument ${a}`);
  }
  return args;
}

async function main(): Promise<void> {
  const args = parse(process.argv.slice(2));
  if (!args.reset) throw new Error('the benchmark empties the database: pass --reset to confirm');
  const config = loadConfig();
  const db = connect(config);
  const log = (...parts: unknown[]) => process.stdout.write(`${parts.join(' ')}\n`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'import-bench-'));
  let peak = 0;
  let polling = true;
  try {
    log(`neo4j ${boltUri(config)}; ${os.cpus().length} cores; load ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
    let t = Date.now();
    const data = generateNetwork({ hcps: args.hcps, seed: args.seed });
    const rows = Object.values(data).reduce((sum, list) => sum + (list as unknown[]).length, 0);
    log(`generate ${args.hcps} HCPs, ${data.hcpLinks.length} links, ${rows} rows: ${Date.now() - t} ms`);
    t = Date.now();
    writeNetworkCsv(data, dir);
    log(`write CSV: ${Date.now() - t} ms`);

    t = Date.now();
    const session = db.driver.session({ database: db.name });
    try {
      await session.run('MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS');
    } finally {
      await session.close();
    }
    log(`reset: ${Date.now() - t} ms`);

    const poll = (async () => {
      while (polling) {
        const monitor = db.driver.session({ database: db.name });
        try {
          const result = await monitor.run(
            "SHOW TRANSACTIONS YIELD estimatedUsedHeapMemory AS m, currentQuery AS q WHERE NOT q STARTS WITH 'SHOW' RETURN max(m) AS m",
          );
          peak = Math.max(peak, Number(result.records[0]?.get('m') ?? 0));
        } catch {
          // The monitor is best effort.
        } finally {
          await monitor.close();
        }
        await new Promise((resolve) => setTimeout(resolve, 1000));
      }
    })();

    let lastLog = 0;
    const summary = await importFolder(db, dir, {
      batchSize: args.batchSize,
      linkMode: args.linkMode,
      dryRun: args.dryRun,
      onProgress: (p) => {
        if (p.phase === 'write' && Date.now() - lastLog > 5000) {
          lastLog = Date.now();
          log(`  ${p.file} ${p.done}/${p.total} (peak tx memory so far ${(peak / 2 ** 20).toFixed(0)} MiB)`);
        }
      },
    });
    log(formatSummary(summary));
    log(`peak transaction memory reported by Neo4j: ${(peak / 2 ** 20).toFixed(0)} MiB${args.dryRun ? ' (rolled back)' : ''}`);
    if (args.twice) {
      peak = 0;
      const again = await importFolder(db, dir, { batchSize: args.batchSize, linkMode: args.linkMode, dryRun: args.dryRun });
      log('second import of the same folder:');
      log(formatSummary(again));
      log(`peak transaction memory reported by Neo4j: ${(peak / 2 ** 20).toFixed(0)} MiB`);
    }
    polling = false;
    await poll;
  } finally {
    polling = false;
    fs.rmSync(dir, { recursive: true, force: true });
    await db.close();
  }
}

if (require.main === module) {
  main().catch((error) => {
    process.stderr.write(`${(error as { code?: string }).code ?? ''} ${(error as Error).message}\n`);
    process.exit(1);
  });
}
