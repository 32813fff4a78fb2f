import { Tx } from '../../db/database';
import { replaceRef } from '../common/ref-writes';
import { Institution } from './institution.type';

export interface InstitutionFields {
  name: string;
  type: string | null;
  city: string | null;
  country: string | null;
}

const TERRITORY = { label: 'Institution', rel: 'IN_TERRITORY', target: 'Territory' } as const;
const FIELDS: readonly (keyof InstitutionFields)[] = ['name', 'type', 'city', 'country'];

async function read(tx: Tx, id: string): Promise<Institution> {
  const [row] = await tx.run<{ i: Institution }>('MATCH (i:Institution {id: $id}) RETURN i {.id, .name, .type, .city, .country} AS i', {
    id,
  });
  return { id: row.i.id, name: row.i.name ?? '', type: row.i.type ?? null, city: row.i.city ?? null, country: row.i.country ?? null };
}

/** Writes of institutions inside a caller's transaction (checks are the caller's). */
export const institutionWrites = {
  async create(tx: Tx, id: string, fields: InstitutionFields, territoryId: string | null): Promise<Institution> {
    await tx.run('CREATE (i:Institution {id: $id}) SET i += $fields', { id, fields });
    if (territoryId !== null) await replaceRef(tx, TERRITORY, id, territoryId);
    return read(tx, id);
  },

  async update(tx: Tx, id: string, fields: Partial<InstitutionFields>, territoryId: string | null | undefined): Promise<Institution> {
    const changes = Object.fromEntries(FIELDS.filter((name) => fields[name] !== undefined).map((name) => [name, fields[name]]));
    if (Object.keys(changes).length > 0) await tx.run('MATCH (i:Institution {id: $id}) SET i += $changes', { id, changes });
    if (territoryId !== undefined) await replaceRef(tx, TERRITORY, id, territoryId);
    return read(tx, id);
  },
};
