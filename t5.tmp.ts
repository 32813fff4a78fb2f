import { loadConfig } from './src/config';
import { connect } from './src/db/connect';
(async () => {
  const db = connect(loadConfig({ ...process.env, NEO4J_URI: 'bolt://127.0.0.1:7699' }));
  const s = db.driver.session();
  const stmt = `UNWIND $rows AS r
CREATE (n:HCP {id: r.id, firstName: r.firstName})
WITH n, r
CALL (n, r) { MATCH (t:Institution {id: r.institutionId}) CREATE (n)-[:AFFILIATED_WITH]->(t) }
CALL (n, r) { UNWIND r.tas AS ta MATCH (t:TherapeuticArea {id: ta}) CREATE (n)-[:SPECIALIZES_IN]->(t) }`;
  const r = await s.run('EXPLAIN ' + stmt, { rows: [] });
  const walk = (p: any, d = 0): void => { console.log(' '.repeat(d) + p.operatorType, p.arguments?.Details?.slice?.(0, 100) ?? ''); (p.children || []).forEach((c: any) => walk(c, d + 1)); };
  walk(r.summary.plan);
  await s.close(); await db.close();
})();
