import { Database } from '../../db/database';
import { PageWindow } from '../common/cursor';
import { readKeysetPage } from '../common/keyset-list';
import { Page } from '../common/pagination';
import { INSIGHT_ORDER, insightProjection, toInsight } from '../insight/insight.repository';
import { Insight } from '../insight/insight.type';

/** Normalized `insights` criteria: dates are ISO dates, `toExclusive` the day after `to`. */
export interface InsightCriteria {
  audience: string | null;
  therapeuticAreaId: string | null;
  category: string | null;
  from: string | null;
  toExclusive: string | null;
}

export interface CategoryTrendRow {
  month: string;
  category: string;
  count: number;
}

export interface AreaTrendRow {
  month: string;
  areaId: string | null;
  count: number;
}

const MATCH = `
  MATCH (s:Insight)
  WHERE ($audience IS NULL OR s.audience = $audience)
    AND ($category IS NULL OR toLower(s.category) = toLower($category))
    AND ($from IS NULL OR s.createdAt >= datetime($from))
    AND ($toExclusive IS NULL OR s.createdAt < datetime($toExclusive))
    AND ($therapeuticAreaId IS NULL OR EXISTS { (s)-[:IN_AREA]->(:TherapeuticArea {id: $therapeuticAreaId}) })`;

/** Reads across all insights: filtered pages and monthly counts (months in UTC). */
export class InsightAnalyticsRepository {
  constructor(private readonly db: Database) {}

  /** One page, newest first (then id), with the total. */
  page(criteria: InsightCriteria, window: PageWindow): Promise<Page<Insight>> {
    const conditions = [
      '($audience IS NULL OR x.audience = $audience)',
      '($category IS NULL OR toLower(x.category) = toLower($category))',
      '($from IS NULL OR x.createdAt >= datetime($from))',
      '($toExclusive IS NULL OR x.createdAt < datetime($toExclusive))',
      '($therapeuticAreaId IS NULL OR EXISTS { (x)-[:IN_AREA]->(:TherapeuticArea {id: $therapeuticAreaId}) })',
    ];
    const list = { pattern: '(x:Insight)', conditions, sort: INSIGHT_ORDER, project: insightProjection };
    return readKeysetPage(this.db, list, window, { ...criteria }, toInsight);
  }

  /** Counts per month and category (categories compared case-insensitively; shown as first seen alphabetically). */
  byCategory(criteria: InsightCriteria): Promise<CategoryTrendRow[]> {
    return this.db.read<CategoryTrendRow>(
      `${MATCH}
       WITH substring(toString(date(s.createdAt)), 0, 7) AS month, toLower(s.category) AS key, min(s.category) AS category, count(*) AS count
       RETURN month, category, count ORDER BY month, count DESC, key`,
      { ...criteria },
    );
  }

  /** Counts per month and therapeutic area (areaId null: insights without one). */
  byArea(criteria: InsightCriteria): Promise<AreaTrendRow[]> {
    return this.db.read<AreaTrendRow>(
      `${MATCH}
       OPTIONAL MATCH (s)-[:IN_AREA]->(a:TherapeuticArea)
       WITH substring(toString(date(s.createdAt)), 0, 7) AS month, a.id AS areaId, count(DISTINCT s) AS count
       RETURN month, areaId, count ORDER BY month, count DESC, areaId IS NULL, areaId`,
      { ...criteria },
    );
  }
}
