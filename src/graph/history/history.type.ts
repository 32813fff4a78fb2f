import { Field, Float, Int, ObjectType } from 'type-graphql';
import { HCP } from '../hcp/hcp.type';

@ObjectType({ description: "One year of an HCP's scientific influence (the scientific network as of that year: works dated up to it)." })
export class InfluencePoint {
  @Field(() => Int)
  year!: number;

  @Field(() => Float, { description: "PageRank on that year's scientific network." })
  pagerank!: number;

  @Field(() => Float, { description: 'Mid-rank percentile of that PageRank over all HCPs, 0..100.' })
  percentile!: number;

  @Field(() => Int, { description: 'HCPs tied to it in that network (shared a dated publication or trial so far).' })
  ties!: number;

  @Field(() => Int, { description: 'Publications dated that year.' })
  publications!: number;

  @Field(() => Int, { description: 'Trials started that year.' })
  trials!: number;
}

@ObjectType({ description: 'An HCP whose scientific influence grew between two years, with the evidence.' })
export class RisingStar {
  @Field(() => HCP)
  hcp!: HCP;

  @Field(() => Float, { description: 'percentileTo − percentileFrom, in percentile points.' })
  growth!: number;

  @Field(() => Float, { description: 'Percentile (0..100) on the scientific network as of fromYear.' })
  percentileFrom!: number;

  @Field(() => Float, { description: 'Percentile (0..100) on the scientific network as of toYear.' })
  percentileTo!: number;

  @Field(() => Float)
  pagerankFrom!: number;

  @Field(() => Float)
  pagerankTo!: number;

  @Field(() => Int, { description: 'Publications dated after fromYear, up to toYear.' })
  publications!: number;

  @Field(() => Int, { description: 'Trials started after fromYear, up to toYear.' })
  trials!: number;

  @Field(() => Int, { description: 'HCPs tied to it as of toYear that were not as of fromYear.' })
  newTies!: number;

  hcpId!: string;
  index!: number;
  fromYear!: number;
  toYear!: number;
}
