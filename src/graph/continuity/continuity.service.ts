import { NotFoundError } from '../../errors';
import {
  STRENGTH_BANDS,
  bestIntroducers,
  handoverPlan,
  keyPersonRisk,
  relationshipSpread,
  territoryCoverage,
} from '../../network/continuity';
import { IntroductionPath as FoundPath, RelationshipStrengths } from '../../network/paths';
import { NetworkSnapshot } from '../../network/snapshot';
import { GraphContext } from '../context';
import { knownNodes, relationshipStrengths, snapshotOf } from '../network/network.context';
import { IntroductionPath } from '../network/network.type';
import { mslsCovering, requireTerritoryReader, territoriesOf } from './continuity.access';
import { WorkloadRepository } from './continuity.repository';
import { Handover, Introducer, KeyPersonRisk, MslWorkload, TerritoryCoverage } from './continuity.type';
import { intArg } from '../common/validate';

const MAX_HOPS = 6;
const MAX_MONTHS = 60;

/**
 * The planning answers of docs/planning.md over the request's network snapshot: arguments
 * checked (BAD_USER_INPUT naming the argument, NOT_FOUND for unknown ids), then who may read
 * them (continuity.access.ts), then the pure algorithms of src/network/continuity.ts.
 */
export class ContinuityService {
  constructor(private readonly ctx: GraphContext) {}

  async bestIntroducers(toHcpId: string, territoryId: string | null, maxHops: number, first: number): Promise<Introducer[]> {
    const hops = intArg(maxHops, 'maxHops', 1, MAX_HOPS);
    const size = intArg(first, 'first', 1, this.ctx.app.config.maxFirst);
    const snapshot = await snapshotOf(this.ctx);
    const { net, attributes } = snapshot.projection;
    const target = net.hcpIndex.get(toHcpId);
    if (target === undefined) throw new NotFoundError('HCP', toHcpId);
    this.requireTerritory(snapshot, territoryId);
    await requireTerritoryReader(
      this.ctx,
      territoryId ? [attributes.territory[target], territoryId] : [attributes.territory[target]],
      'bestIntroducers',
    );
    const covering = territoryId ? await mslsCovering(this.ctx, territoryId) : null;
    const include = covering ? (m: number) => covering.has(net.mslIds[m]) : undefined;
    const found = bestIntroducers(net, toHcpId, hops, size, this.strengths(snapshot), include);
    return found.map(({ mslId, path }) => ({ mslId, path: pathOf(path) }) as Introducer);
  }

  async keyPersonRisk(territoryId: string | null, first: number): Promise<KeyPersonRisk[]> {
    const size = intArg(first, 'first', 1, this.ctx.app.config.maxFirst);
    const snapshot = await snapshotOf(this.ctx);
    this.requireTerritory(snapshot, territoryId);
    await requireTerritoryReader(this.ctx, [territoryId], 'keyPersonRisk');
    const { territory } = snapshot.projection.attributes;
    const include = territoryId ? (v: number) => territory[v] === territoryId : undefined;
    const pagerank = await snapshot.pagerank();
    const found = keyPersonRisk(snapshot.net, await snapshot.order('PAGERANK'), this.strengths(snapshot), size, include);
    return found.map(
      (risk) => ({ hcpId: risk.hcpId, mslId: risk.mslId, strength: risk.strength, influence: pagerank[risk.hcp] }) as KeyPersonRisk,
    );
  }

  async handoverPlan(mslId: string, maxHops: number): Promise<Handover[]> {
    const hops = intArg(maxHops, 'maxHops', 1, MAX_HOPS);
    const snapshot = await snapshotOf(this.ctx);
    if (!snapshot.net.mslIndex.has(mslId)) throw new NotFoundError('MSL', mslId);
    if (this.ctx.viewer.mslId !== mslId) await requireTerritoryReader(this.ctx, await territoriesOf(this.ctx, mslId), 'handoverPlan');
    const ranks = await snapshot.ranks('PAGERANK');
    const plan = knownNodes('MSL', () => handoverPlan(snapshot.net, mslId, ranks, hops, this.strengths(snapshot)));
    return plan.map(
      (row) =>
        ({
          hcpId: row.hcpId,
          successorId: row.successorId,
          existingStrength: row.existingStrength,
          path: row.path ? pathOf(row.path) : null,
        }) as Handover,
    );
  }

  async territoryCoverage(territoryId: string): Promise<TerritoryCoverage> {
    const snapshot = await snapshotOf(this.ctx);
    this.requireTerritory(snapshot, territoryId);
    await requireTerritoryReader(this.ctx, [territoryId], 'territoryCoverage');
    const { territory } = snapshot.projection.attributes;
    return territoryCoverage(snapshot.net, await snapshot.pagerank(), (v) => territory[v] === territoryId);
  }

  async mslWorkload(mslId: string, months: number): Promise<MslWorkload> {
    const span = intArg(months, 'months', 1, MAX_MONTHS);
    const snapshot = await snapshotOf(this.ctx);
    if (!snapshot.net.mslIndex.has(mslId)) throw new NotFoundError('MSL', mslId);
    const territories = new Set(await territoriesOf(this.ctx, mslId));
    if (this.ctx.viewer.mslId !== mslId) await requireTerritoryReader(this.ctx, [...territories], 'mslWorkload');
    const { territory } = snapshot.projection.attributes;
    const inTerritories = (v: number) => territory[v] !== null && territories.has(territory[v] as string);
    const spread = relationshipSpread(snapshot.net, mslId, this.strengths(snapshot), await snapshot.pagerank(), inTerritories);
    const today = new Date().toISOString().slice(0, 10);
    const monthList = lastMonths(today, span);
    const repository = new WorkloadRepository(this.ctx.db);
    const [logged, plans] = await Promise.all([
      repository.interactionsByMonth(mslId, `${monthList[0]}-01`, today),
      repository.planCounts(mslId, today),
    ]);
    return {
      mslId,
      asOf: today,
      relationships: spread.bands.reduce((sum, count) => sum + count, 0),
      strengthBands: STRENGTH_BANDS.map((band, i) => ({ ...band, relationships: spread.bands[i] })),
      interactionsByMonth: monthList.map((month) => ({ month, interactions: logged.get(month) ?? 0 })),
      plannedUpcoming: plans.upcoming,
      plannedOverdue: plans.overdue,
      territoryHcps: spread.hcps,
      influenceShare: spread.influenceShare,
    } as MslWorkload;
  }

  private requireTerritory(snapshot: NetworkSnapshot, territoryId: string | null): void {
    if (territoryId !== null && !snapshot.projection.territoryIds.has(territoryId)) throw new NotFoundError('Territory', territoryId);
  }

  /** MSL relationship strengths as MslRelationship.strength answers them at this moment. */
  private strengths(snapshot: NetworkSnapshot): RelationshipStrengths {
    return relationshipStrengths(this.ctx, snapshot.net);
  }
}

/** The `count` calendar months (YYYY-MM) ending with the month of `today` (YYYY-MM-DD), oldest first. */
export function lastMonths(today: string, count: number): string[] {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7)) - 1;
  return Array.from({ length: count }, (_, i) => {
    const index = year * 12 + month - (count - 1 - i);
    return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
  });
}

function pathOf(path: FoundPath): IntroductionPath {
  return { ...path, ids: path.nodes, nodes: [] };
}
