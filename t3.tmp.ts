import { loadConfig } from './src/config';
import { connect } from './src/db/connect';
import { nodeStatement } from './src/import/write';
import { generateNetwork } from './src/import/generate';
import neo4j from 'neo4j-driver';
(async () => {
  const db = connect(loadConfig({ ...process.env, NEO4J_URI: 'bolt://127.0.0.1:7699' }));
  const data = generateNetwork({ hcps: 400, seed: 1 });
  const q = require('./src/import/write');
  const spec = { key: 'hcps', label: 'HCP', props: [{ name: 'firstName' }, { name: 'lastName' }, { name: 'specialty' }, { name: 'email' }, { name: 'preferredChannel' }], refs: [
      { field: 'institutionId', rel: 'AFFILIATED_WITH', label: 'Institution' },
      { field: 'territoryId', rel: 'IN_TERRITORY', label: 'Territory' },
      { field: 'therapeuticAreaIds', rel: 'SPECIALIZES_IN', label: 'TherapeuticArea', list: true }] };
  const stmt = nodeStatement(spec as never);
  console.log(stmt);
  const s = db.driver.session();
  for (let i = 0; i < 4; i++) {
    let t = Date.now();
    const r = await s.run(stmt, { rows: data.hcps });
    console.log('run', Date.now() - t, r.summary.resultAvailableAfter, r.summary.resultConsumedAfter);
  }
  const r = await s.run('EXPLAIN ' + stmt, { rows: data.hcps.slice(0, 1) });
  console.log(r.summary.plan && JSON.stringify(r.summary.plan).length);
  await s.close(); await db.close();
})();
