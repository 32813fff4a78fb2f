import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { PROFILE_WEIGHTS } from '../../network/similar';
import { HCP } from '../hcp/hcp.type';

export enum SimilarityMode {
  NETWORK = 'NETWORK',
  PROFILE = 'PROFILE',
}

const w = PROFILE_WEIGHTS;
registerEnumType(SimilarityMode, {
  name: 'SimilarityMode',
  description: 'How lookalike HCPs are scored.',
  valuesConfig: {
    NETWORK: { description: 'Jaccard similarity of the sets of HCPs tied to each (any link type, either direction).' },
    PROFILE: {
      description:
        `${w.network} × Jaccard of the tied HCPs + ${w.areas} × Jaccard of the therapeutic areas + ${w.institutions} × Jaccard of the institutions ` +
        '(an empty pair of sets counts 0); candidates share at least one tied HCP, area or institution.',
    },
  },
});

@ObjectType({ description: 'An HCP that looks like another one.' })
export class SimilarHcp {
  @Field(() => HCP)
  hcp!: HCP;

  @Field(() => Float, { description: 'Similarity in 0..1 (see SimilarityMode).' })
  score!: number;

  @Field(() => Int, { description: 'HCPs tied to both.' })
  shared!: number;

  hcpId!: string;
}
