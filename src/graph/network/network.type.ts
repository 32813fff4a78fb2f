import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { COMPOSITE_WEIGHTS } from '../../network/snapshot';
import { NetworkNode } from '../common/network-node';
import { HCP } from '../hcp/hcp.type';
import { Node } from '../node/node.type';
import { Connection } from '../common/pagination';
import { LinkType } from '../link/link.type';

export enum InfluenceMetric {
  PAGERANK = 'PAGERANK',
  BETWEENNESS = 'BETWEENNESS',
  DEGREE = 'DEGREE',
  COMPOSITE = 'COMPOSITE',
}

const w = COMPOSITE_WEIGHTS;
export const COMPOSITE_DESCRIPTION =
  `Blend of percentile ranks (0..1) over all HCPs: PageRank ${w.pagerank}, betweenness ${w.betweenness}, ` +
  `publications ${w.publications}, trials ${w.trials}, engagement (interactions + positive interactions) ${w.engagement}. ` +
  'A signal no HCP has (e.g. no publications imported) is left out and the other weights are scaled to sum to 1. Score in 0..1.';

registerEnumType(InfluenceMetric, {
  name: 'InfluenceMetric',
  description: 'How KOL influence is measured; all computed on the whole HCP network.',
  valuesConfig: {
    PAGERANK: {
      description: 'PageRank (damping 0.85) over the directed weighted HCP network: symmetric links both ways, referrals source to target.',
    },
    BETWEENNESS: { description: 'Normalized betweenness on the undirected, unweighted HCP network.' },
    DEGREE: { description: 'Number of distinct HCPs linked, either direction.' },
    COMPOSITE: { description: COMPOSITE_DESCRIPTION },
  },
});

@ObjectType({ description: 'What a network answer was computed on.' })
export class NetworkAsOf {
  @Field({ description: 'Names the network data: equal versions, equal data (opaque).' })
  version!: string;

  @Field({ description: 'When the newest change it includes was committed, or when it was read from the database (ISO-8601, UTC).' })
  time!: string;
}

@ObjectType({ description: 'A warm introduction path: MSL, then HCPs, ending at the target HCP.' })
export class IntroductionPath {
  @Field(() => [NetworkNode], { description: 'The MSL first, then each HCP in order.' })
  nodes!: NetworkNode[];

  @Field(() => Int, { description: 'Edges on the path.' })
  hops!: number;

  @Field(() => Float, { description: 'Sum of -ln(weight) over the edges (MSL relationship strength, then tie weights).' })
  cost!: number;

  @Field(() => Float, { description: 'e^(-cost): the product of the edge weights, in (0, 1].' })
  strength!: number;

  /** Ids in path order; `nodes` resolves them. */
  ids!: string[];
}

@ObjectType()
export class HopCount {
  @Field(() => Int)
  hops!: number;

  @Field(() => Int)
  count!: number;
}

@ObjectType({ description: 'HCPs within reach: at unweighted distance 1..maxHops, the start excluded.' })
export class NetworkReach {
  @Field(() => Int)
  total!: number;

  @Field(() => [HopCount], { description: 'Every distance from 1 to maxHops, zero counts included.' })
  byHop!: HopCount[];
}

@ObjectType({ description: 'An HCP and its influence score by the requested metric.' })
export class KolScore {
  @Field(() => Int, { description: 'Position in this listing, from 1; equal scores ordered by id.' })
  rank!: number;

  @Field(() => Float)
  score!: number;

  @Field(() => HCP)
  hcp!: HCP;

  @Field({
    description:
      'False when the metric uses betweenness (BETWEENNESS, COMPOSITE) and the exact computation did not finish within its time budget: ' +
      'the score is then from a sample of shortest-path sources (see sampleSize, errorBound). Exact answers follow once it finishes.',
  })
  exact!: boolean;

  @Field(() => Int, { nullable: true, description: 'When not exact: how many betweenness sources were sampled (of all HCPs).' })
  sampleSize!: number | null;

  @Field(() => Float, {
    nullable: true,
    description:
      "When not exact: with probability at least 95%, every HCP's sampled betweenness is within this of its exact normalized value " +
      '(for COMPOSITE: of the betweenness signal it blends).',
  })
  errorBound!: number | null;

  hcpId!: string;
}

@ObjectType({
  implements: Node,
  description:
    "An HCP's influence over the whole network. Each score is computed on first request, so asking for PageRank never waits for betweenness. Its id is `Influence/<hcp id>`.",
})
export class Influence {
  @Field(() => ID)
  id!: string;

  /** The HCP's node index in the snapshot the scores come from. */
  index!: number;
}

@ObjectType({
  implements: Node,
  description:
    'A community of HCPs found by modularity optimisation (Louvain); its id names it in the current partition (communities are recomputed when the network changes).',
})
export class Community {
  @Field(() => ID)
  id!: string;

  @Field(() => Int)
  size!: number;

  index!: number;
}

@ObjectType()
export class CommunityConnection extends Connection(Community, 'Community') {}

@ObjectType()
export class CommunityResult {
  @Field(() => Float, { description: 'Weighted modularity of the partition (pair weight = sum of link weights).' })
  modularity!: number;

  @Field(() => [Community], { description: 'Every community, largest first, then by id.' })
  communities!: Community[];
}

@ObjectType({ description: 'An influential HCP of a territory that no MSL has a relationship with.' })
export class CoverageGap {
  @Field(() => HCP)
  hcp!: HCP;

  @Field(() => Float, { description: "The HCP's PageRank." })
  influence!: number;

  hcpId!: string;
}

@ObjectType({ description: 'An HCP of an ego network.' })
export class EgoNode {
  @Field(() => ID, { description: '`EgoNode/<centre id>/<hops>/<minWeight>/<hcp id>`: its distance depends on the ego network asked for.' })
  id!: string;

  @Field(() => HCP)
  hcp!: HCP;

  @Field(() => Int, { description: 'Distance from the centre.' })
  hops!: number;

  @Field(() => Float)
  pagerank!: number;

  @Field(() => ID)
  communityId!: string;

  hcpId!: string;
}

@ObjectType({ description: 'A tie between two HCPs of an ego network (once per pair, source id < target id).' })
export class EgoEdge {
  @Field(() => ID)
  sourceId!: string;

  @Field(() => ID)
  targetId!: string;

  @Field(() => Float, { description: 'Tie weight: the largest weight of the links of the pair.' })
  weight!: number;

  @Field(() => [String], {
    description: 'Link types joining the pair.',
    deprecationReason: 'Use `linkTypes`: the same values as the LinkType enum.',
  })
  types!: string[];

  @Field(() => [LinkType], { description: 'Link types joining the pair.' })
  linkTypes!: LinkType[];

  @Field(() => ID, { description: '`EgoEdge/<source id>/<target id>`: the same pair has the same id in every ego network.' })
  id!: string;
}

@ObjectType({ description: 'The sphere of influence of an HCP, shaped for a network view.' })
export class EgoNetwork {
  @Field(() => [EgoNode])
  nodes!: EgoNode[];

  @Field(() => [EgoEdge])
  edges!: EgoEdge[];

  @Field({ description: 'True when more HCPs were within reach than `first` allowed.' })
  truncated!: boolean;
}
