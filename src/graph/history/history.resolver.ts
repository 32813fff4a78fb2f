import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { NotFoundError, ValidationError } from '../../errors';
import { ScienceHistory, risingStars } from '../../network/history';
import { intArg } from '../common/validate';
import { GraphContext } from '../context';
import { HCP } from '../hcp/hcp.type';
import { hcpById } from '../network/network.context';
import { historyOf } from './history.context';
import { InfluencePoint, RisingStar } from './history.type';

const FIRST_YEAR = 1900;
const LAST_YEAR = 2100;
/** Each year is a PageRank over every HCP: a history is capped so one request stays bounded. */
const MAX_SPAN = 50;

@Resolver()
export class RisingStarsResolver {
  @Query(() => [RisingStar], {
    description:
      'HCPs whose scientific influence grew most from fromYear to toYear: PageRank percentile on the co-authorship/co-investigation network as of each year ' +
      '(pair weight Σ 1/(k−1) over shared works dated up to the year). Growth > 0 only, by growth, then percentile now, then id. ' +
      'therapeuticAreaId chooses who is listed, never the network.',
  })
  async risingStars(
    @Arg('fromYear', () => Int) fromYear: number,
    @Arg('toYear', () => Int) toYear: number,
    @Arg('therapeuticAreaId', () => ID, { nullable: true }) therapeuticAreaId: string | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20 }) first: number | null,
    @Ctx() ctx: GraphContext,
  ): Promise<RisingStar[]> {
    const [from, to] = yearRange(fromYear, toYear, false);
    const size = intArg(first ?? 20, 'first', 1, ctx.app.config.maxFirst);
    const { snapshot, history } = await historyOf(ctx);
    const { attributes, therapeuticAreaIds } = snapshot.projection;
    if (therapeuticAreaId && !therapeuticAreaIds.has(therapeuticAreaId)) throw new NotFoundError('TherapeuticArea', therapeuticAreaId);
    const listed = (v: number) => !therapeuticAreaId || attributes.areas[v].includes(therapeuticAreaId);
    return risingStars(history, from, to, size, listed).map(
      (star) => ({ ...star, hcpId: snapshot.net.hcpIds[star.index], fromYear: from, toYear: to }) as RisingStar,
    );
  }
}

@Resolver(() => RisingStar)
export class RisingStarFields {
  @FieldResolver(() => HCP)
  hcp(@Root() star: RisingStar, @Ctx() ctx: GraphContext): Promise<HCP> {
    return hcpById(ctx, star.hcpId);
  }

  @FieldResolver(() => [InfluencePoint], { description: 'Every year from fromYear to toYear, for drawing the trajectory.' })
  async trajectory(@Root() star: RisingStar, @Ctx() ctx: GraphContext): Promise<InfluencePoint[]> {
    const [from, to] = yearRange(star.fromYear, star.toYear, true);
    return trajectory((await historyOf(ctx)).history, star.index, from, to);
  }
}

@Resolver(() => HCP)
export class HcpInfluenceHistoryField {
  @FieldResolver(() => [InfluencePoint], {
    nullable: true,
    description:
      "Per year from fromYear to toYear (at most 50 years): the HCP's PageRank and percentile on that year's scientific network. Null if the HCP was deleted meanwhile.",
  })
  async influenceHistory(
    @Root() hcp: HCP,
    @Arg('fromYear', () => Int) fromYear: number,
    @Arg('toYear', () => Int) toYear: number,
    @Ctx() ctx: GraphContext,
  ): Promise<InfluencePoint[] | null> {
    const [from, to] = yearRange(fromYear, toYear, true);
    const { snapshot, history } = await historyOf(ctx);
    const v = snapshot.net.hcpIndex.get(hcp.id);
    return v === undefined ? null : trajectory(history, v, from, to);
  }
}

function trajectory(history: ScienceHistory, v: number, from: number, to: number): InfluencePoint[] {
  const points: InfluencePoint[] = [];
  for (let year = from; year <= to; year++) {
    const { pagerank, percentile, graph } = history.asOf(year);
    points.push({
      year,
      pagerank: pagerank[v],
      percentile: percentile[v],
      ties: graph.ends[v] - graph.offsets[v],
      publications: history.worksIn(v, 'PUBLICATION', year - 1, year),
      trials: history.worksIn(v, 'TRIAL', year - 1, year),
    });
  }
  return points;
}

/** Both years within FIRST_YEAR..LAST_YEAR, toYear after fromYear (or equal when allowed), at most MAX_SPAN apart. */
function yearRange(fromYear: number, toYear: number, allowEqual: boolean): [number, number] {
  intArg(fromYear, 'fromYear', FIRST_YEAR, LAST_YEAR);
  intArg(toYear, 'toYear', FIRST_YEAR, LAST_YEAR);
  if (toYear < fromYear || (!allowEqual && toYear === fromYear))
    throw new ValidationError('toYear', `must be ${allowEqual ? 'at least' : 'after'} fromYear`);
  if (toYear - fromYear > MAX_SPAN) throw new ValidationError('toYear', `must be at most ${MAX_SPAN} years after fromYear`);
  return [fromYear, toYear];
}
