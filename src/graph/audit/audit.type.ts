import { Field, ID, Int, ObjectType } from 'type-graphql';
import { PageInfo } from '../common/pagination';

@ObjectType({ description: 'One recorded write: who, what, when. Never carries personal data.' })
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

@ObjectType('AuditEventEdge')
export class AuditEventEdge {
  @Field({ description: 'Opaque; pass as `after`.' })
  cursor!: string;

  @Field(() => AuditEvent)
  node!: AuditEvent;
}

@ObjectType()
export class AuditEventConnection {
  @Field(() => Int)
  totalCount!: number;

  @Field(() => [AuditEventEdge])
  edges!: AuditEventEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;
}
