import { Database } from '../../src/db/database';
import { applySchema, schemaStatements } from '../../src/db/schema';
import { resetDatabase, testDatabase } from '../support/db';

let db: Database;
beforeAll(async () => {
  db = testDatabase();
  await resetDatabase(db);
});
afterAll(() => db.close());

describe('the real Neo4j', () => {
  it('answers and counts statements', async () => {
    const before = db.statements;
    const rows = await db.read<{ one: number }>('RETURN 1 AS one');
    expect(rows).toEqual([{ one: 1 }]);
    expect(db.statements).toBe(before + 1);
  });

  it('converts each row as it arrives with readEach: the rows read answers, in order; a failing conversion rejects', async () => {
    const cypher = 'UNWIND range(1, 500) AS n RETURN n, {twice: n * 2, at: date("2026-01-01")} AS m';
    const plain = await db.read<{ n: number; m: { twice: number; at: string } }>(cypher);
    const seen: number[] = [];
    const converted = await db.readEach(cypher, {}, (row) => {
      seen.push(row.n as number);
      return { ...row, tag: `row ${row.n as number}` };
    });
    expect(converted).toEqual(plain.map((row) => ({ ...row, tag: `row ${row.n}` })));
    expect(seen).toEqual(plain.map((row) => row.n));
    await expect(
      db.readEach(cypher, {}, (row) => {
        if (row.n === 250) throw new Error('no row 250');
        return row;
      }),
    ).rejects.toThrow('no row 250');
  });

  it('is Neo4j 5.26', async () => {
    const [row] = await db.read<{ versions: string[] }>('CALL dbms.components() YIELD versions RETURN versions');
    expect(row.versions[0]).toMatch(/^5\.26\./);
  });

  it('sends no anonymous usage data to Neo4j (an embedded store is private to the API)', async () => {
    const rows = await db.read<{ value: string }>("SHOW SETTINGS YIELD name, value WHERE name = 'dbms.usage_report.enabled' RETURN value");
    // An external server (NEO4J_URI) is configured by its owner; docker-compose.yml switches it off too.
    if (process.env.NEO4J_URI) return;
    expect(rows).toEqual([{ value: 'false' }]);
  });

  it('has a uniqueness constraint on id for every label and the full-text indexes', async () => {
    const constraints = await db.read<{ labels: string[]; properties: string[] }>(
      "SHOW CONSTRAINTS YIELD labelsOrTypes AS labels, properties, type WHERE type = 'UNIQUENESS' RETURN labels, properties",
    );
    const labels = constraints.filter((c) => c.properties[0] === 'id').map((c) => c.labels[0]);
    for (const label of [
      'HCP',
      'MSL',
      'Institution',
      'Territory',
      'TherapeuticArea',
      'Interaction',
      'Insight',
      'Publication',
      'ClinicalTrial',
    ]) {
      expect(labels).toContain(label);
    }
    const fulltext = await db.read<{ name: string }>("SHOW INDEXES YIELD name, type WHERE type = 'FULLTEXT' RETURN name");
    expect(fulltext.map((i) => i.name).sort()).toEqual(['hcp_search', 'institution_search']);
  });

  it('applies the schema idempotently', async () => {
    await resetDatabase(db);
    const [{ count }] = await db.read<{ count: number }>('SHOW CONSTRAINTS YIELD name RETURN count(*) AS count');
    expect(count).toBe(schemaStatements().filter((s) => s.startsWith('CREATE CONSTRAINT')).length);
  });

  it('applies nothing when the whole schema is online (one read), and recreates what is missing', async () => {
    const before = db.statements;
    await applySchema(db);
    expect(db.statements).toBe(before + 1);

    await db.write('DROP INDEX hcp_last_name');
    await db.write('DROP CONSTRAINT msl_id');
    await applySchema(db);
    const rows = await db.read<{ name: string }>("SHOW INDEXES YIELD name, state WHERE state = 'ONLINE' RETURN name");
    expect(rows.map((row) => row.name)).toEqual(expect.arrayContaining(['hcp_last_name', 'msl_id']));
    const [{ count }] = await db.read<{ count: number }>("SHOW CONSTRAINTS YIELD name WHERE name = 'msl_id' RETURN count(*) AS count");
    expect(count).toBe(1);
  });

  it('rolls back a failed transaction as a whole', async () => {
    await expect(
      db.transaction(async (tx) => {
        await tx.run("CREATE (:Territory {id: 'ter-rollback'})");
        await tx.run("CREATE (:Territory {id: 'ter-rollback'})");
      }),
    ).rejects.toThrow();
    const rows = await db.read("MATCH (t:Territory {id: 'ter-rollback'}) RETURN t");
    expect(rows).toHaveLength(0);
  });
});
