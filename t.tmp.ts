import { loadConfig } from './src/config';
import { connect } from './src/db/connect';
(async () => {
  const db = connect(loadConfig({ ...process.env, NEO4J_URI: 'bolt://127.0.0.1:7699' }));
  for (const q of ['RETURN 1', 'RETURN 2', "MERGE (t:Territory {id:'x'}) RETURN t.id", "MERGE (t:Territory {id:'y'}) RETURN t.id"]) {
    let t = Date.now(); await db.write(q); console.log(q, Date.now() - t);
    t = Date.now(); await db.transaction(async (tx) => { await tx.run(q); await tx.run(q); }); console.log('tx', q, Date.now() - t);
  }
  await db.close();
})();
