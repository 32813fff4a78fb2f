import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { TRIAL_ROLES, TrialRole as TrialRoleName, enumObject } from '../../vocabulary';
import { Node } from '../node/node.type';
import { Connection } from '../common/pagination';

export const TrialRole = enumObject(TRIAL_ROLES);
export type TrialRole = TrialRoleName;
registerEnumType(TrialRole, { name: 'TrialRole', description: 'Principal or sub-investigator.' });

/** (:HCP)-[:INVESTIGATOR_ON {role}]->(:ClinicalTrial)-[:IN_AREA]->(:TherapeuticArea). */
@ObjectType({ implements: Node, description: 'A clinical trial.' })
export class ClinicalTrial {
  @Field(() => ID)
  id!: string;

  @Field()
  title!: string;

  @Field(() => String, { nullable: true, description: 'e.g. "II", "III".' })
  phase!: string | null;

  @Field(() => String, { nullable: true, description: 'e.g. RECRUITING, COMPLETED.' })
  status!: string | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Year the trial started (dates the co-investigation ties of the scientific network history).',
  })
  startYear!: number | null;

  /** Resolved by the `therapeuticArea` field. */
  therapeuticAreaId!: string | null;
}

/** An HCP's role on a trial; `hcpId` resolved by the `hcp` field. */
@ObjectType({ description: 'An investigator of a trial.' })
export class TrialInvestigator {
  @Field(() => TrialRole, { nullable: true })
  role!: TrialRole | null;

  hcpId!: string;
}

@ObjectType()
export class ClinicalTrialConnection extends Connection(ClinicalTrial, 'ClinicalTrial') {}
