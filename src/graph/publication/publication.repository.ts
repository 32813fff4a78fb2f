import { Database } from '../../db/database';
import { HcpProps } from '../hcp/hcp.repository';
import { Keyed } from '../reference/reference.repository';
import { Publication } from './publication.type';

const PROJECTION = `p {.id, .title, .year, .journal, therapeuticAreaId: head([(p)-[:IN_AREA]->(a:TherapeuticArea) | a.id])}`;

const toPublication = (row: Publication): Publication => ({
  id: row.id,
  title: row.title ?? '',
  year: row.year ?? null,
  journal: row.journal ?? null,
  therapeuticAreaId: row.therapeuticAreaId ?? null,
});

export class PublicationRepository {
  constructor(private readonly db: Database) {}

  async byIds(ids: readonly string[]): Promise<Publication[]> {
    const rows = await this.db.read<{ value: Publication }>(
      `UNWIND $ids AS id MATCH (p:Publication {id: id}) RETURN ${PROJECTION} AS value`,
      { ids },
    );
    return rows.map((row) => toPublication(row.value));
  }

  /** The publications each HCP authored, newest year first, then id. */
  async ofHcps(hcpIds: readonly string[]): Promise<Keyed<Publication>[]> {
    const rows = await this.db.read<Keyed<Publication>>(
      `UNWIND $ids AS key MATCH (:HCP {id: key})-[:AUTHORED]->(p:Publication)
       WITH DISTINCT key, p ORDER BY p.year DESC, p.id
       RETURN key, ${PROJECTION} AS value`,
      { ids: hcpIds },
    );
    return rows.map((row) => ({ key: row.key, value: toPublication(row.value) }));
  }

  /** The authors of each publication, by position (1 = first author), then id. */
  authorsOf(publicationIds: readonly string[]): Promise<Keyed<HcpProps>[]> {
    return this.db.read<Keyed<HcpProps>>(
      `UNWIND $ids AS key MATCH (h:HCP)-[a:AUTHORED]->(:Publication {id: key})
       WITH key, h, min(a.position) AS position ORDER BY position, h.id
       RETURN key, h AS value`,
      { ids: publicationIds },
    );
  }
}
