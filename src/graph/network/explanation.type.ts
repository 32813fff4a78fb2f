import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Inflow } from '../../network/explain';
import { HCP } from '../hcp/hcp.type';
import { Community } from './network.type';

export enum CompositeSignalKind {
  PAGERANK = 'PAGERANK',
  BETWEENNESS = 'BETWEENNESS',
  PUBLICATIONS = 'PUBLICATIONS',
  TRIALS = 'TRIALS',
  ENGAGEMENT = 'ENGAGEMENT',
}

registerEnumType(CompositeSignalKind, {
  name: 'CompositeSignalKind',
  description: 'A signal of the COMPOSITE score.',
  valuesConfig: {
    PAGERANK: { description: 'PageRank.' },
    BETWEENNESS: { description: 'Normalized betweenness.' },
    PUBLICATIONS: { description: 'Publications authored.' },
    TRIALS: { description: 'Trials investigated.' },
    ENGAGEMENT: { description: 'Interactions with MSLs plus the positive ones.' },
  },
});

@ObjectType({ description: 'Why the scores of an HCP are what they are. Each part is computed on first request.' })
export class InfluenceExplanation {
  index!: number;
}

@ObjectType({ description: 'An in-neighbour whose PageRank flows into the HCP.' })
export class PageRankContributor {
  @Field(() => HCP)
  hcp!: HCP;

  @Field(() => Float, { description: "α · PageRank(u) · w(u, v) / out(u): the part of the HCP's PageRank that comes from u." })
  amount!: number;

  @Field(() => Float, { description: 'amount over the sum of all parts: its share of the score, 0..1.' })
  share!: number;

  @Field(() => Float, { description: "w(u, v) / out(u): the fraction of u's own rank that u passes to the HCP." })
  fraction!: number;

  hcpId!: string;
}

@ObjectType({
  description:
    'PageRank split exactly: PR(v) = α·Σ_in PR(u)·w(u,v)/out(u) + α·(dangling rank)/n + (1 − α)/n. ' +
    'Shares are parts over their sum (PR(v) to 1e-10), so inflowShare + danglingShare + teleportShare = 1.',
})
export class PageRankExplanation {
  @Field(() => Float)
  score!: number;

  @Field(() => Int, { description: 'HCPs with a link into this one.' })
  inNeighbours!: number;

  @Field(() => Float, { description: 'Share of the score flowing in from in-neighbours (every one of them).' })
  inflowShare!: number;

  @Field(() => Float, { description: 'Share from the rank of HCPs without out-links, spread evenly over all HCPs.' })
  danglingShare!: number;

  @Field(() => Float, { description: 'Share from the random jump ((1 − α)/n), the same for every HCP.' })
  teleportShare!: number;

  inflows!: Inflow[];
  total!: number;
}

@ObjectType({ description: 'A community, other than its own, that the HCP has ties into.' })
export class BridgedCommunity {
  @Field(() => Community)
  community!: Community;

  @Field(() => Int, { description: 'Tied HCPs in that community.' })
  ties!: number;

  @Field(() => Float, { description: 'Their summed pair weight (sum of link weights per pair).' })
  weight!: number;
}

@ObjectType({ description: 'Betweenness: how much the HCP brokers between parts of the network, shown by the communities its ties reach.' })
export class BetweennessExplanation {
  @Field(() => Float)
  score!: number;

  @Field(() => Community, { description: "The HCP's own community." })
  community!: Community;

  @Field(() => [BridgedCommunity], { description: 'Other communities its ties reach: most ties first, then weight, then community id.' })
  bridges!: BridgedCommunity[];
}

@ObjectType({ description: 'One signal of the COMPOSITE score.' })
export class CompositeSignalExplanation {
  @Field(() => CompositeSignalKind)
  signal!: CompositeSignalKind;

  @Field(() => Float, { description: "The HCP's raw value of the signal." })
  value!: number;

  @Field(() => Float, { description: 'Mid-rank percentile of the value over all HCPs, 0..1 (ties share one).' })
  percentile!: number;

  @Field(() => Float, { description: 'Effective weight (signals no HCP has are left out and the rest rescaled to sum to 1).' })
  weight!: number;

  @Field(() => Float, { description: 'weight × percentile; the contributions add up to the score.' })
  contribution!: number;
}

@ObjectType({ description: 'COMPOSITE as the sum of its weighted signal percentiles.' })
export class CompositeExplanation {
  @Field(() => Float)
  score!: number;

  @Field(() => [CompositeSignalExplanation])
  signals!: CompositeSignalExplanation[];
}
