import { Database } from '../../db/database';
import { Keyed } from '../reference/reference.repository';
import { ClinicalTrial, TrialInvestigator, TrialRole } from './trial.type';

const PROJECTION = `t {.id, .title, .phase, .status, .startYear, therapeuticAreaId: head([(t)-[:IN_AREA]->(a:TherapeuticArea) | a.id])}`;

const toTrial = (row: ClinicalTrial): ClinicalTrial => ({
  id: row.id,
  title: row.title ?? '',
  phase: row.phase ?? null,
  status: row.status ?? null,
  startYear: row.startYear ?? null,
  therapeuticAreaId: row.therapeuticAreaId ?? null,
});

export class TrialRepository {
  constructor(private readonly db: Database) {}

  async byIds(ids: readonly string[]): Promise<ClinicalTrial[]> {
    const rows = await this.db.read<{ value: ClinicalTrial }>(
      `UNWIND $ids AS id MATCH (t:ClinicalTrial {id: id}) RETURN ${PROJECTION} AS value`,
      { ids },
    );
    return rows.map((row) => toTrial(row.value));
  }

  /** The trials each HCP investigates, by id. */
  async ofHcps(hcpIds: readonly string[]): Promise<Keyed<ClinicalTrial>[]> {
    const rows = await this.db.read<Keyed<ClinicalTrial>>(
      `UNWIND $ids AS key MATCH (:HCP {id: key})-[:INVESTIGATOR_ON]->(t:ClinicalTrial)
       WITH DISTINCT key, t ORDER BY t.id
       RETURN key, ${PROJECTION} AS value`,
      { ids: hcpIds },
    );
    return rows.map((row) => ({ key: row.key, value: toTrial(row.value) }));
  }

  /** The investigators of each trial: principal investigators first, then by HCP id. */
  async investigatorsOf(trialIds: readonly string[]): Promise<Keyed<TrialInvestigator>[]> {
    const rows = await this.db.read<Keyed<{ role: string | null; hcpId: string }>>(
      `UNWIND $ids AS key MATCH (h:HCP)-[x:INVESTIGATOR_ON]->(:ClinicalTrial {id: key})
       WITH key, h, x ORDER BY CASE x.role WHEN 'PRINCIPAL' THEN 0 ELSE 1 END, h.id
       RETURN key, {role: x.role, hcpId: h.id} AS value`,
      { ids: trialIds },
    );
    return rows.map((row) => ({ key: row.key, value: { role: (row.value.role as TrialRole | null) ?? null, hcpId: row.value.hcpId } }));
  }
}
