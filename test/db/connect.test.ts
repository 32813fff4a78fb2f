import { loadConfig } from '../../src/config';
import { connect } from '../../src/db/connect';

/** The settings docker-compose.yml gives the API (NEO4J_URI, user, password, database), tried on the test server. */
describe('connecting through NEO4J_URI', () => {
  const bolt = () => process.env.TEST_NEO4J_URI as string;

  it.each([
    ['bolt://', (uri: string) => uri],
    ['neo4j:// (routing)', (uri: string) => uri.replace(/^bolt:\/\//, 'neo4j://')],
  ])('works with %s, user, password and database name', async (_scheme, toUri) => {
    const config = loadConfig({ NEO4J_URI: toUri(bolt()), NEO4J_USER: 'neo4j', NEO4J_PASSWORD: 'msl-graph-dev', NEO4J_DATABASE: 'neo4j' });
    const db = connect(config);
    try {
      expect(await db.read<{ ok: number }>('RETURN 1 AS ok')).toEqual([{ ok: 1 }]);
      await db.write("MERGE (t:Territory {id: 'ter-connect-test'}) SET t.name = 'probe'");
      const [row] = await db.read<{ name: string }>("MATCH (t:Territory {id: 'ter-connect-test'}) RETURN t.name AS name");
      expect(row.name).toBe('probe');
      await db.write("MATCH (t:Territory {id: 'ter-connect-test'}) DELETE t");
      expect(typeof (await db.dataVersion())).toBe('string');
    } finally {
      await db.close();
    }
  });

  it('reports an unreachable server as SERVICE_UNAVAILABLE', async () => {
    const db = connect(loadConfig({ NEO4J_URI: 'bolt://127.0.0.1:1', NEO4J_QUERY_TIMEOUT_MS: '2000' }));
    try {
      await expect(db.read('RETURN 1')).rejects.toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
      expect(await db.ping()).toBe(false);
    } finally {
      await db.close();
    }
  });

  it('takes NEO4J_DATABASE for an external server only: the embedded Neo4j serves "neo4j"', () => {
    expect(loadConfig({ NEO4J_URI: 'bolt://db.example:7687', NEO4J_DATABASE: 'msl' }).neo4jDatabase).toBe('msl');
    expect(loadConfig({ NEO4J_DATABASE: 'neo4j' }).neo4jDatabase).toBe('neo4j');
    expect(loadConfig({}).neo4jDatabase).toBe('neo4j');
    expect(() => loadConfig({ NEO4J_DATABASE: 'msl' })).toThrow('NEO4J_DATABASE applies to an external server (NEO4J_URI)');
  });
});
