import { loadConfig } from './src/config';
import { connect } from './src/db/connect';
import { writeInTransaction } from './src/import/write';
import { generateNetwork } from './src/import/generate';
(async () => {
  const db = connect(loadConfig({ ...process.env, NEO4J_URI: 'bolt://127.0.0.1:7699' }));
  await db.write('MATCH (n) DETACH DELETE n');
  const data = generateNetwork({ hcps: Number(process.argv[2] || 400), seed: 1 });
  for (let round = 0; round < 2; round++) {
  await db.transaction(async (tx) => {
    const timed = { run: async (q: string, p?: Record<string, unknown>) => { const t = Date.now(); const r = await tx.run(q, p); console.log(Date.now() - t, 'ms', q.split('\n').slice(0, 2).join(' | ').slice(0, 100)); return r; } };
    await writeInTransaction(timed as never, data);
  });
  }
  await db.close();
})();
