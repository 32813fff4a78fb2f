import { loadConfig } from './src/config';
import { connect } from './src/db/connect';
import { nodeStatement, linkStatement } from './src/import/write';
import { generateNetwork } from './src/import/generate';
(async () => {
  const db = connect(loadConfig({ ...process.env, NEO4J_URI: 'bolt://127.0.0.1:7699' }));
  const data = generateNetwork({ hcps: 400, seed: 1 });
  const spec = { key: 'hcps', label: 'HCP', props: [{ name: 'firstName' }, { name: 'lastName' }, { name: 'specialty' }, { name: 'email' }, { name: 'preferredChannel' }], refs: [
      { field: 'institutionId', rel: 'AFFILIATED_WITH', label: 'Institution' },
      { field: 'territoryId', rel: 'IN_TERRITORY', label: 'Territory' },
      { field: 'therapeuticAreaIds', rel: 'SPECIALIZES_IN', label: 'TherapeuticArea', list: true }] };
  const stmt = process.argv[2] === 'link' ? linkStatement('COAUTHOR') : nodeStatement(spec as never);
  const rows = process.argv[2] === 'link' ? data.hcpLinks.filter(l => l.type === 'COAUTHOR').map(l => ({ s: l.sourceId, t: l.targetId, w: l.weight })) : data.hcps;
  const s = db.driver.session();
  const r = await s.run('PROFILE ' + stmt, { rows });
  const walk = (p: any, d = 0): void => { console.log(' '.repeat(d) + p.operatorType, 'rows', p.rows, 'hits', p.dbHits, 'time', p.time ?? p.arguments?.Time, p.arguments?.Details?.slice?.(0, 80) ?? ''); (p.children || []).forEach((c: any) => walk(c, d + 1)); };
  walk(r.summary.profile);
  console.log(JSON.stringify(r.summary.profile.arguments?.runtime), r.summary.profile.arguments?.['runtime-impl'], r.summary.resultConsumedAfter);
  await s.close(); await db.close();
})();
