import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { Connection } from '../common/pagination';
import { Audience, Insight } from '../insight/insight.type';
import { TherapeuticArea } from '../therapeutic-area/therapeutic-area.type';

@InputType({ description: 'Restricts `insights`. All given criteria must hold.' })
export class InsightFilter {
  @Field(() => Audience, { nullable: true })
  audience?: Audience | null;

  @Field(() => ID, { nullable: true })
  therapeuticAreaId?: string | null;

  @Field(() => String, { nullable: true, description: 'Exact category, case-insensitive.' })
  category?: string | null;

  @Field(() => String, { nullable: true, description: 'Captured on or after this ISO date (YYYY-MM-DD, UTC).' })
  from?: string | null;

  @Field(() => String, { nullable: true, description: 'Captured on or before this ISO date (YYYY-MM-DD, UTC).' })
  to?: string | null;
}

@ObjectType()
export class InsightConnection extends Connection(Insight, 'Insight') {}

@ObjectType({ description: 'Insights of one category captured in one month.' })
export class CategoryTrend {
  @Field({ description: 'YYYY-MM (UTC).' })
  month!: string;

  @Field()
  category!: string;

  @Field(() => Int)
  count!: number;
}

@ObjectType({ description: 'Insights about one therapeutic area (or none) captured in one month.' })
export class AreaTrend {
  @Field({ description: 'YYYY-MM (UTC).' })
  month!: string;

  @Field(() => TherapeuticArea, { nullable: true, description: 'null: insights without an area.' })
  therapeuticArea!: TherapeuticArea | null;

  @Field(() => Int)
  count!: number;
}

@ObjectType({ description: 'Insight counts per month by category and by therapeutic area.' })
export class InsightTrends {
  @Field(() => Int, { description: 'Insights in the range.' })
  total!: number;

  @Field(() => [CategoryTrend], { description: 'By month, then count descending, then category.' })
  byCategory!: CategoryTrend[];

  @Field(() => [AreaTrend], { description: 'By month, then count descending, then area id (none last).' })
  byTherapeuticArea!: AreaTrend[];
}
