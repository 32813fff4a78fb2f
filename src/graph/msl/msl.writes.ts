import { Tx } from '../../db/database';
import { replaceRef, replaceRefs } from '../common/ref-writes';
import { MslProps } from './msl.repository';

export interface MslFields {
  firstName: string;
  lastName: string;
  email: string | null;
}

/** References of an MSL; `undefined` = leave as is, null / [] = none. */
export interface MslRefs {
  territoryId?: string | null;
  therapeuticAreaIds?: string[];
}

const TERRITORY = { label: 'MSL', rel: 'COVERS', target: 'Territory' } as const;
const AREAS = { label: 'MSL', rel: 'FOCUSES_ON', target: 'TherapeuticArea' } as const;
const FIELDS: readonly (keyof MslFields)[] = ['firstName', 'lastName', 'email'];

async function writeRefs(tx: Tx, id: string, refs: MslRefs): Promise<void> {
  if (refs.territoryId !== undefined) await replaceRef(tx, TERRITORY, id, refs.territoryId);
  if (refs.therapeuticAreaIds !== undefined) await replaceRefs(tx, AREAS, id, refs.therapeuticAreaIds);
}

async function read(tx: Tx, id: string): Promise<MslProps> {
  const [row] = await tx.run<{ m: MslProps }>('MATCH (m:MSL {id: $id}) RETURN m', { id });
  return row.m;
}

/** Writes of MSLs inside a caller's transaction (checks are the caller's). */
export const mslWrites = {
  async create(tx: Tx, id: string, fields: MslFields, refs: MslRefs): Promise<MslProps> {
    await tx.run('CREATE (m:MSL {id: $id}) SET m += $fields', { id, fields });
    await writeRefs(tx, id, refs);
    return read(tx, id);
  },

  async update(tx: Tx, id: string, fields: Partial<MslFields>, refs: MslRefs): Promise<MslProps> {
    const changes = Object.fromEntries(FIELDS.filter((name) => fields[name] !== undefined).map((name) => [name, fields[name]]));
    if (Object.keys(changes).length > 0) await tx.run('MATCH (m:MSL {id: $id}) SET m += $changes', { id, changes });
    await writeRefs(tx, id, refs);
    return read(tx, id);
  },
};
