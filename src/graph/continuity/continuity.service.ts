import { NotFoundError } from '../../errors';
import { bestIntroducers, handoverPlan, keyPersonRisk, territoryCoverage } from '../../network/continuity';
import { IntroductionPath as FoundPath, RelationshipStrengths } from '../../network/paths';
import { NetworkSnapshot } from '../../network/snapshot';
import { GraphContext } from '../context';
import { knownNodes, relationshipStrengths, snapshotOf } from '../network/network.context';
import { IntroductionPath } from '../network/network.type';
import { mslsCovering, requireTerritoryReader, territoriesOf } from './continuity.access';
import { Handover, Introducer, KeyPersonRisk, TerritoryCoverage } from './continuity.type';
import { intArg } from '../common/validate';

const MAX_HOPS = 6;

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
    const pagerank = snapshot.pagerank();
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
    return territoryCoverage(snapshot.net, snapshot.pagerank(), (v) => territory[v] === territoryId);
  }

  private requireTerritory(snapshot: NetworkSnapshot, territoryId: string | null): void {
    if (territoryId !== null && !snapshot.projection.territoryIds.has(territoryId)) throw new NotFoundError('Territory', territoryId);
  }

  /** MSL relationship strengths as MslRelationship.strength answers them at this moment. */
  private strengths(snapshot: NetworkSnapshot): RelationshipStrengths {
    return relationshipStrengths(this.ctx, snapshot.net);
  }
}

function pathOf(path: FoundPath): IntroductionPath {
  return { ...path, ids: path.nodes, nodes: [] };
}
