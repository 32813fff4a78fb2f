import { Database } from '../../db/database';
import { TherapeuticArea } from './therapeutic-area.type';

export class TherapeuticAreaRepository {
  constructor(private readonly db: Database) {}

  all(): Promise<TherapeuticArea[]> {
    return this.db.read<TherapeuticArea>('MATCH (a:TherapeuticArea) RETURN a.id AS id, a.name AS name ORDER BY a.id');
  }
}
