import { Field, Int, ObjectType } from 'type-graphql';
import { HcpFilter } from '../hcp/hcp.input';

@ObjectType({
  description:
    'One value of a facet and how many HCPs have it. A value of the data, not an entity: it has no id of its own and is cached as part of its facet list.',
})
export class FacetValue {
  @Field({ description: 'What to put in the filter to select it: an id (territory, area, institution) or the specialty text.' })
  value!: string;

  @Field({ description: 'What to show: the name (the id when the entity has no name), or the specialty.' })
  label!: string;

  @Field(() => Int, { description: 'HCPs matching the filter (this facet’s own criterion replaced by this value) that have it.' })
  count!: number;
}

/**
 * The facets of one `HcpFilter`: each list is computed when selected (one statement per list).
 * Not cached by id: Apollo keys it by the `hcpFacets(filter:)` arguments.
 */
@ObjectType({
  description:
    'Counts for filter UIs over the HCPs a filter (search included) matches. Disjunctive: each facet ignores its own criterion of the filter, so the values of a selected facet stay visible with the counts selecting each instead would give; the other criteria all apply. Every list: by count (highest first), then label, then value; `first` (default 10, at most 100) values, values with no HCP left out.',
})
export class HcpFacets {
  filter!: HcpFilter;
}
