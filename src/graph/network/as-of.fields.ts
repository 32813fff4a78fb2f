import { Ctx, FieldResolver, Resolver } from 'type-graphql';
import { GraphContext } from '../context';
import { snapshotOf } from './network.context';
import { CommunityResult, CoverageGap, EgoNetwork, IntroductionPath, KolScore, NetworkAsOf, NetworkReach } from './network.type';

const DESCRIPTION = 'The network version this answer was computed on (every network field of one request uses the same).';

/** `asOf` of a network answer type: the request's snapshot (network.context.ts), whoever built the object. */
function asOfField(type: Function): Function {
  @Resolver(() => type)
  class AsOfField {
    @FieldResolver(() => NetworkAsOf, { description: DESCRIPTION })
    async asOf(@Ctx() ctx: GraphContext): Promise<NetworkAsOf> {
      const { version, time } = (await snapshotOf(ctx)).projection;
      return { version, time: new Date(time).toISOString() };
    }
  }
  return AsOfField;
}

export const asOfFields = [KolScore, IntroductionPath, NetworkReach, CommunityResult, CoverageGap, EgoNetwork].map(asOfField);
