import { Database } from '../../src/db/database';
import { HcpRecord } from '../../src/import/records';

/**
 * A small hand-made graph for mutation tests: 2 territories, 2 areas, 2 institutions, 4 HCPs,
 * 2 MSLs, one link, one relationship, one interaction with an insight.
 */
export async function seedSmallGraph(db: Database): Promise<void> {
  await db.write(`
    CREATE (ta:Territory {id: 'ter-a', name: 'Alpha', region: 'US'}), (tb:Territory {id: 'ter-b', name: 'Beta', region: 'EU'})
    CREATE (onc:TherapeuticArea {id: 'ta-onc', name: 'Oncology'}), (card:TherapeuticArea {id: 'ta-card', name: 'Cardiology'})
    CREATE (ia:Institution {id: 'inst-a', name: 'Alpha Hospital', type: 'CLINIC', city: 'Boston', country: 'US'})-[:IN_TERRITORY]->(ta)
    CREATE (ib:Institution {id: 'inst-b', name: 'Beta Clinic', city: 'Paris', country: 'FR'})-[:IN_TERRITORY]->(tb)
    CREATE (h1:HCP {id: 'hcp-1', firstName: 'Ada', lastName: 'One', specialty: 'Oncology', email: 'ada@example.org'})
    CREATE (h2:HCP {id: 'hcp-2', firstName: 'Ben', lastName: 'Two', specialty: 'Cardiology', email: 'ben@example.org'})
    CREATE (h3:HCP {id: 'hcp-3', firstName: 'Cy', lastName: 'Three'})
    CREATE (h4:HCP {id: 'hcp-4', firstName: 'Di', lastName: 'Four'})
    CREATE (h1)-[:AFFILIATED_WITH]->(ia), (h1)-[:IN_TERRITORY]->(ta), (h1)-[:SPECIALIZES_IN]->(onc)
    CREATE (h2)-[:AFFILIATED_WITH]->(ia), (h2)-[:IN_TERRITORY]->(ta), (h2)-[:SPECIALIZES_IN]->(card)
    CREATE (h1)-[:COLLEAGUE {weight: 0.5}]->(h2)
    CREATE (m1:MSL {id: 'msl-1', firstName: 'Ines', lastName: 'Zimmer', email: 'ines@pharma.example'})-[:COVERS]->(ta), (m1)-[:FOCUSES_ON]->(onc)
    CREATE (m2:MSL {id: 'msl-2', firstName: 'Maya', lastName: 'Eklund'})-[:COVERS]->(tb)
    CREATE (m1)-[:KNOWS {strength: 0.6, baseStrength: 0.6, since: date('2024-01-10'), lastContact: date('2025-03-01')}]->(h1)
    CREATE (m1)-[:LOGGED]->(i1:Interaction {id: 'int-1', date: date('2025-03-01'), channel: 'IN_PERSON', topic: 'dosing', sentiment: 'POSITIVE', notes: 'Ada asked about dosing'})-[:WITH]->(h1)
    CREATE (:Insight {id: 'ins-1', text: 'Dosing confusion', category: 'unmet need', audience: 'MEDICAL_AFFAIRS', createdAt: datetime('2025-03-01T10:00:00Z')})-[:FROM]->(i1)
  `);
}

/** An HCP record with a name only (no institution, territory, areas or email), for imports in tests. */
export function bareHcp(id: string, firstName: string, lastName: string): HcpRecord {
  return { id, firstName, lastName, specialty: null, institutionId: null, territoryId: null, therapeuticAreaIds: [], email: null };
}
