import { Database } from '../../db/database';
import { fullName } from '../common/network-node';
import { MSL } from './msl.type';

export type MslProps = Omit<MSL, 'name'>;

export function toMsl(props: MslProps): MSL {
  return { id: props.id, name: fullName(props), firstName: props.firstName ?? '', lastName: props.lastName ?? '', email: props.email ?? null };
}

export class MslRepository {
  constructor(private readonly db: Database) {}

  async byIds(ids: readonly string[]): Promise<MSL[]> {
    const rows = await this.db.read<{ m: MslProps }>('UNWIND $ids AS id MATCH (m:MSL {id: id}) RETURN m', { ids });
    return rows.map((row) => toMsl(row.m));
  }

  async all(): Promise<MSL[]> {
    const rows = await this.db.read<{ m: MslProps }>('MATCH (m:MSL) RETURN m ORDER BY m.id');
    return rows.map((row) => toMsl(row.m));
  }
}
