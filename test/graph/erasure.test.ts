import { gql } from 'graphql-request';
import { TestApp, startTestApp } from '../support/app';
import { seedSmallGraph } from '../support/fixture';
import { failure, networkVersion, snapshot } from '../support/mutations';

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp();
  await seedSmallGraph(t.db);
  await t.db.write(`
    MATCH (h1:HCP {id: 'hcp-1'}), (h2:HCP {id: 'hcp-2'}), (h3:HCP {id: 'hcp-3'}), (m1:MSL {id: 'msl-1'}), (m2:MSL {id: 'msl-2'}), (onc:TherapeuticArea {id: 'ta-onc'})
    CREATE (h1)-[:REFERRAL {weight: 0.7}]->(h3), (h3)-[:MENTOR {weight: 0.2}]->(h1)
    CREATE (m2)-[:KNOWS {strength: 0.3, since: date('2024-02-02')}]->(h1)
    CREATE (m2)-[:LOGGED]->(i2:Interaction {id: 'int-2', date: date('2025-01-05'), channel: 'EMAIL', sentiment: 'NEGATIVE', notes: 'Ada complained'})-[:WITH]->(h1)
    CREATE (:Insight {id: 'ins-2', text: 'Ada prefers email', category: 'preference', audience: 'MARKETING', createdAt: datetime()})-[:FROM]->(i2)
    CREATE (m1)-[:LOGGED]->(:Interaction {id: 'int-keep', date: date('2025-02-01'), channel: 'PHONE', sentiment: 'POSITIVE', notes: 'about Ben'})-[:WITH]->(h2)
    CREATE (m1)-[:PLANNED]->(:PlannedInteraction {id: 'plan-1', date: date('2030-01-01')})-[:WITH]->(h1)
    CREATE (h1)-[:AUTHORED {position: 1}]->(p:Publication {id: 'pub-1', title: 'A paper', year: 2024, journal: 'NEJM'})-[:IN_AREA]->(onc)
    CREATE (h2)-[:AUTHORED {position: 2}]->(p)
    CREATE (h1)-[:INVESTIGATOR_ON {role: 'PRINCIPAL'}]->(c:ClinicalTrial {id: 'trial-1', title: 'A trial', phase: 'III', status: 'RECRUITING'})-[:IN_AREA]->(onc)
  `);
});
afterAll(() => t.stop());

const ERASE = gql`
  mutation ($id: ID!) {
    deleteHcp(id: $id) {
      hcpId
      interactions
      insights
      plannedInteractions
      links
      mslRelationships
      scientificRoles
      relationships
      erasedAt
    }
  }
`;

/** Every stored property (nodes and relationships) as JSON text; without the audit trail when `audit` is false. */
async function everythingStored(audit: boolean): Promise<string> {
  const rows = await t.db.read<{ labels: string[]; props: unknown }>(`
    CALL { MATCH (n) RETURN labels(n) AS labels, properties(n) AS props
           UNION ALL MATCH ()-[r]->() RETURN [type(r)] AS labels, properties(r) AS props }
    RETURN labels, props`);
  return JSON.stringify(rows.filter((row) => audit || !row.labels.includes('AuditEvent')));
}

describe('deleteHcp (data-subject erasure)', () => {
  it('removes the HCP and all its personal data, keeps shared public records, and returns a receipt', async () => {
    const version = await networkVersion(t);
    const data = await t.client().request<{ deleteHcp: Record<string, unknown> }>(ERASE, { id: 'hcp-1' });
    expect(data.deleteHcp).toEqual({
      hcpId: 'hcp-1',
      interactions: 2,
      insights: 2,
      plannedInteractions: 1,
      links: 3,
      mslRelationships: 2,
      scientificRoles: 2,
      // 3 links + 2 KNOWS + 3 WITH (2 interactions, 1 plan) + AFFILIATED_WITH, IN_TERRITORY, SPECIALIZES_IN + AUTHORED, INVESTIGATOR_ON
      relationships: 13,
      erasedAt: expect.any(String),
    });
    expect(await networkVersion(t)).toBe(version + 1);

    const [gone] = await t.db.read<Record<string, number>>(`
      RETURN COUNT { (:HCP {id: 'hcp-1'}) } AS hcp,
             COUNT { (i:Interaction) WHERE i.id IN ['int-1', 'int-2'] } AS interactions,
             COUNT { (s:Insight) WHERE s.id IN ['ins-1', 'ins-2'] } AS insights,
             COUNT { (:PlannedInteraction {id: 'plan-1'}) } AS plans`);
    expect(gone).toEqual({ hcp: 0, interactions: 0, insights: 0, plans: 0 });

    // the audit trail keeps the opaque id of the erased HCP (no personal data): the id is looked for outside it
    const stored = await everythingStored(false);
    const withAudit = await everythingStored(true);
    expect(stored).not.toContain('"hcp-1"');
    for (const personal of [
      'Ada',
      'ada@example.org',
      'Ada asked about dosing',
      'Ada complained',
      'Ada prefers email',
      'Dosing confusion',
    ]) {
      expect([personal, withAudit.includes(personal)]).toEqual([personal, false]);
    }
  });

  it('keeps everything that is not the HCP’s', async () => {
    const data = await t.client().request<{ hcp2: unknown; pub: unknown; other: unknown; msl: unknown }>(gql`
      {
        hcp2: hcp(id: "hcp-2") {
          links {
            hcp {
              id
            }
          }
          publications {
            id
            authors {
              id
            }
          }
          interactions {
            totalCount
          }
        }
        other: interaction(id: "int-keep") {
          id
          notes
        }
        msl: msl(id: "msl-1") {
          relationships {
            hcp {
              id
            }
          }
          interactions {
            totalCount
          }
        }
      }
    `);
    expect(data.hcp2).toEqual({ links: [], publications: [{ id: 'pub-1', authors: [{ id: 'hcp-2' }] }], interactions: { totalCount: 1 } });
    expect(data.other).toEqual({ id: 'int-keep', notes: 'about Ben' });
    expect(data.msl).toEqual({ relationships: [], interactions: { totalCount: 1 } });
    const [trial] = await t.db.read<{ n: number }>("MATCH (c:ClinicalTrial {id: 'trial-1'}) RETURN count(c) AS n");
    expect(trial.n).toBe(1);
  });

  it('answers NOT_FOUND for an unknown (or already erased) HCP and writes nothing', async () => {
    const before = await snapshot(t);
    expect(await failure(t.client().request(ERASE, { id: 'hcp-1' }))).toEqual({ code: 'NOT_FOUND', field: undefined });
    expect(await failure(t.client().request(ERASE, { id: 'msl-1' }))).toEqual({ code: 'NOT_FOUND', field: undefined });
    expect(await snapshot(t)).toBe(before);
    const data = await t.client().request<{ hcp: null }>(gql`
      {
        hcp(id: "hcp-1") {
          id
        }
      }
    `);
    expect(data.hcp).toBeNull();
  });
});
