import { Field, ID, ObjectType } from 'type-graphql';
import { Connection } from '../common/pagination';
import { Node } from '../node/node.type';

@ObjectType({ implements: Node, description: 'One recorded write: who, what, when. Never carries personal data.' })
export class AuditEvent {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'When the write committed (ISO 8601, UTC).' })
  at!: string;

  @Field({ description: 'The `sub` claim of the writer.' })
  sub!: string;

  @Field({ description: 'The mutation (or import) name.' })
  action!: string;

  @Field(() => [ID], { description: 'Ids of the entities written or referenced.' })
  entityIds!: string[];
}

@ObjectType()
export class AuditEventConnection extends Connection(AuditEvent, 'AuditEvent') {}
