import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import neo4j from 'neo4j-driver';
import { loadConfig } from '../../src/config';
import { EmbeddedNeo4j, startEmbeddedNeo4j } from '../../src/db/embedded';
import { freePort } from '../support/ports';

/**
 * NEO4J_NICE: the embedded Neo4j's JVM runs at a lower CPU priority than the API, every thread of
 * it, those it starts while serving included (a Bolt worker per connection), and still answers.
 */
jest.setTimeout(240000);

/** Each thread's niceness, from /proc/<pid>/task/<tid>/stat (field 19; the name in field 2 may hold spaces). */
function threadNiceness(pid: number): number[] {
  return fs.readdirSync(`/proc/${pid}/task`).map((tid) => {
    const stat = fs.readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]);
  });
}

describe('NEO4J_NICE', () => {
  it('is 0 unless set, and 0 to 19 (an unprivileged process can only lower its priority)', () => {
    expect(loadConfig({}).neo4jNice).toBe(0);
    expect(loadConfig({ NEO4J_NICE: '10' }).neo4jNice).toBe(10);
    expect(() => loadConfig({ NEO4J_NICE: '-5' })).toThrow('NEO4J_NICE must be 0 to 19');
    expect(() => loadConfig({ NEO4J_NICE: '20' })).toThrow('NEO4J_NICE must be 0 to 19');
    expect(() => loadConfig({ NEO4J_NICE: 'low' })).toThrow('NEO4J_NICE must be an integer');
  });

  it('runs every thread of the JVM at that niceness, Bolt workers started later included', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'msl-nice-'));
    let server: EmbeddedNeo4j | undefined;
    const ownNice = os.getPriority();
    try {
      server = await startEmbeddedNeo4j({
        dataDir,
        boltPort: await freePort(),
        heap: '512m',
        pageCacheMb: 64,
        nice: 7,
        log: () => undefined,
      });
      const driver = neo4j.driver(server.uri, neo4j.auth.basic('neo4j', ''));
      try {
        // Several sessions at once: the server starts Bolt workers for them after it was niced.
        const answers = await Promise.all([1, 2, 3, 4].map((n) => driver.executeQuery('RETURN $n AS n', { n })));
        expect(answers.map((a) => Number(a.records[0].get('n')))).toEqual([1, 2, 3, 4]);
      } finally {
        await driver.close();
      }
      const niceness = threadNiceness(server.pid);
      expect(niceness.length).toBeGreaterThan(10);
      expect(new Set(niceness)).toEqual(new Set([Math.min(19, ownNice + 7)]));
      expect(os.getPriority()).toBe(ownNice); // the API's own priority is left as it was
    } finally {
      await server?.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
