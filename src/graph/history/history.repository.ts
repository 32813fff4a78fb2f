import { Database } from '../../db/database';
import { HcpNetwork } from '../../network/network';
import { ScienceHistory, Work, WorkKind } from '../../network/history';

/** Dated works with their distinct participants' ids: publications by year, trials by start year. */
const WORKS = `
  MATCH (p:Publication) WHERE p.year IS NOT NULL
  RETURN 0 AS kind, toInteger(p.year) AS year, COLLECT { MATCH (h:HCP)-[:AUTHORED]->(p) RETURN DISTINCT h.id } AS hcps
  UNION ALL
  MATCH (t:ClinicalTrial) WHERE t.startYear IS NOT NULL
  RETURN 1 AS kind, toInteger(t.startYear) AS year, COLLECT { MATCH (h:HCP)-[:INVESTIGATOR_ON]->(t) RETURN DISTINCT h.id } AS hcps`;

const KINDS: readonly WorkKind[] = ['PUBLICATION', 'TRIAL'];

/** Reads every dated work and builds the history over the nodes of `net` (HCPs it does not know are skipped). */
export async function loadScienceHistory(db: Database, net: HcpNetwork): Promise<ScienceHistory> {
  const works: Work[] = [];
  await db.stream(WORKS, {}, ([kind, year, hcps]) => {
    const members: number[] = [];
    for (const id of hcps as string[]) {
      const v = net.hcpIndex.get(id);
      if (v !== undefined) members.push(v);
    }
    works.push({ kind: KINDS[Number(kind)], year: Number(year), members });
  });
  return new ScienceHistory(net.hcpIds.length, works);
}
