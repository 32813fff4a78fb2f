import { Database } from '../../db/database';
import { fullName } from '../common/network-node';
import { MSL } from './msl.type';
import { PageWindow } from '../common/cursor';
import { byId } from '../common/keyed-page';
import { readKeysetPage } from '../common/keyset-list';
import { Page } from '../common/pagination';

export type MslProps = Omit<MSL, 'name'>;

export function toMsl(props: MslProps): MSL {
  return {
    id: props.id,
    name: fullName(props),
    firstName: props.firstName ?? '',
    lastName: props.lastName ?? '',
    email: props.email ?? null,
  };
}

export class MslRepository {
  constructor(private readonly db: Database) {}

  async byIds(ids: readonly string[]): Promise<MSL[]> {
    const rows = await this.db.read<{ m: MslProps }>('UNWIND $ids AS id MATCH (m:MSL {id: id}) RETURN m', { ids });
    return rows.map((row) => toMsl(row.m));
  }

  /** One page of all MSLs, by id. */
  page(window: PageWindow): Promise<Page<MSL>> {
    return readKeysetPage(
      this.db,
      { pattern: '(x:MSL)', conditions: ['x.id IS NOT NULL'], sort: byId, project: (x) => x },
      window,
      {},
      toMsl,
    );
  }

  async all(): Promise<MSL[]> {
    const rows = await this.db.read<{ m: MslProps }>('MATCH (m:MSL) RETURN m ORDER BY m.id');
    return rows.map((row) => toMsl(row.m));
  }
}
