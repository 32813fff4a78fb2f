import { loadConfig } from './src/config';
import { connect } from './src/db/connect';
import { applySchema } from './src/db/schema';
import { importFolder, formatSummary } from './src/import/importer';
(async () => {
  const db = connect(loadConfig({ ...process.env, NEO4J_URI: 'bolt://127.0.0.1:7699' }));
  await db.write('MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS').catch(async () => { await db.write('MATCH (n) DETACH DELETE n'); });
  await applySchema(db);
  const dir = process.argv[2];
  let last = 0;
  const s = await importFolder(db, dir, { batchSize: Number(process.env.BATCH || 10000), onProgress: (p) => { if (p.phase === 'write' && Date.now() - last > 5000) { last = Date.now(); console.log(new Date().toISOString(), p.file, p.done, p.total); } } });
  console.log(formatSummary(s));
  if (process.env.TWICE) { const s2 = await importFolder(db, dir); console.log(formatSummary(s2)); }
  await db.close();
})().catch((e) => { console.error(String(e.message).slice(0, 3000)); process.exit(1); });
