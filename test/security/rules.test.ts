import 'reflect-metadata';
import { graphql } from 'graphql';
import { Arg, Ctx, Field, ID, Mutation, ObjectType, Query, Resolver, buildSchemaSync } from 'type-graphql';
import {
  ActsForMsl,
  AdminOnly,
  OwnNotes,
  PersonalData,
  Roles,
  authChecker,
  canAccessNotes,
  canActForMsl,
  canReadPersonalData,
} from '../../src/graph/auth';
import { Viewer } from '../../src/graph/context';
import { formatError } from '../../src/http/errors';
import { Role } from '../../src/vocabulary';

/** The reusable guards of src/graph/auth on a small schema of their own (no database needed). */
@ObjectType()
class Note {
  @Field(() => ID) id!: string;
  @OwnNotes()
  @Field(() => String, { nullable: true })
  notes!: string | null;
  @PersonalData()
  @Field(() => String, { nullable: true })
  email!: string | null;
  mslId!: string | null;
}

@Resolver()
class NoteResolver {
  @Query(() => [Note])
  notes(): Note[] {
    return [
      { id: 'i1', notes: 'n1', email: 'e1', mslId: 'msl-1' },
      { id: 'i2', notes: 'n2', email: 'e2', mslId: 'msl-2' },
    ];
  }

  @AdminOnly()
  @Mutation(() => Boolean)
  erase(@Arg('id', () => ID) _id: string): boolean {
    return true;
  }

  @Roles('PLANNER')
  @Query(() => Boolean)
  plan(): boolean {
    return true;
  }

  @ActsForMsl('mslId')
  @Mutation(() => Boolean)
  logFor(@Arg('mslId', () => ID) _mslId: string, @Ctx() _ctx: unknown): boolean {
    return true;
  }
}

const schema = buildSchemaSync({ resolvers: [NoteResolver], authChecker, validate: false });
const viewer = (roles: Role[], mslId?: string): Viewer => ({ sub: 's', roles, mslId });

async function run(source: string, who: Viewer) {
  const result = await graphql({ schema, source, contextValue: { viewer: who } });
  return {
    data: result.data as any,
    errors: (result.errors ?? []).map((e) => formatError(e.toJSON(), e)).map((e) => `${(e.path ?? []).join('.')}:${e.extensions?.code}`),
  };
}

describe('rules', () => {
  it('personal data: ADMIN and MSL only', () => {
    expect(canReadPersonalData(viewer(['ADMIN']))).toBe(true);
    expect(canReadPersonalData(viewer(['MSL'], 'm'))).toBe(true);
    expect(canReadPersonalData(viewer(['ANALYST']))).toBe(false);
    expect(canReadPersonalData(viewer(['PLANNER', 'ANALYST']))).toBe(false);
  });

  it('notes: ADMIN, or the owning MSL', () => {
    expect(canAccessNotes(viewer(['ADMIN']), 'msl-1')).toBe(true);
    expect(canAccessNotes(viewer(['MSL'], 'msl-1'), 'msl-1')).toBe(true);
    expect(canAccessNotes(viewer(['MSL'], 'msl-1'), 'msl-2')).toBe(false);
    expect(canAccessNotes(viewer(['MSL'], 'msl-1'), null)).toBe(false);
    expect(canAccessNotes(viewer(['MSL']), undefined)).toBe(false);
    expect(canAccessNotes(viewer(['ANALYST']), 'msl-1')).toBe(false);
  });

  it('acting for an MSL: ADMIN, or that MSL', () => {
    expect(canActForMsl(viewer(['ADMIN']), 'msl-9')).toBe(true);
    expect(canActForMsl(viewer(['MSL'], 'msl-9'), 'msl-9')).toBe(true);
    expect(canActForMsl(viewer(['MSL'], 'msl-9'), 'msl-1')).toBe(false);
    expect(canActForMsl(viewer(['PLANNER']), 'msl-9')).toBe(false);
  });
});

describe('guards in a schema', () => {
  const Q = '{ notes { id notes email } }';

  it('ADMIN reads every note and email', async () => {
    const { data, errors } = await run(Q, viewer(['ADMIN']));
    expect(errors).toEqual([]);
    expect(data.notes.map((n: any) => n.notes)).toEqual(['n1', 'n2']);
  });

  it('an MSL reads its own notes only; the others are FORBIDDEN on their path', async () => {
    const { data, errors } = await run(Q, viewer(['MSL'], 'msl-1'));
    expect(data.notes).toEqual([
      { id: 'i1', notes: 'n1', email: 'e1' },
      { id: 'i2', notes: null, email: 'e2' },
    ]);
    expect(errors).toEqual(['notes.1.notes:FORBIDDEN']);
  });

  it.each([['ANALYST'], ['PLANNER']] as [Role][])('%s: notes and email FORBIDDEN, ids answer', async (role) => {
    const { data, errors } = await run(Q, viewer([role]));
    expect(data.notes).toEqual([
      { id: 'i1', notes: null, email: null },
      { id: 'i2', notes: null, email: null },
    ]);
    expect(errors.sort()).toEqual([
      'notes.0.email:FORBIDDEN',
      'notes.0.notes:FORBIDDEN',
      'notes.1.email:FORBIDDEN',
      'notes.1.notes:FORBIDDEN',
    ]);
  });

  it('@AdminOnly: FORBIDDEN for everyone else', async () => {
    for (const who of [viewer(['MSL'], 'm'), viewer(['ANALYST']), viewer(['PLANNER'])]) {
      expect((await run('mutation { erase(id: "x") }', who)).errors).toEqual(['erase:FORBIDDEN']);
    }
    expect((await run('mutation { erase(id: "x") }', viewer(['ADMIN']))).data).toEqual({ erase: true });
  });

  it('@Roles: the role or ADMIN', async () => {
    expect((await run('{ plan }', viewer(['PLANNER']))).data).toEqual({ plan: true });
    expect((await run('{ plan }', viewer(['ADMIN']))).data).toEqual({ plan: true });
    expect((await run('{ plan }', viewer(['ANALYST']))).errors).toEqual(['plan:FORBIDDEN']);
  });

  it('@ActsForMsl: an MSL writes only for itself', async () => {
    expect((await run('mutation { logFor(mslId: "msl-1") }', viewer(['MSL'], 'msl-1'))).data).toEqual({ logFor: true });
    expect((await run('mutation { logFor(mslId: "msl-2") }', viewer(['MSL'], 'msl-1'))).errors).toEqual(['logFor:FORBIDDEN']);
    expect((await run('mutation { logFor(mslId: "msl-2") }', viewer(['ANALYST']))).errors).toEqual(['logFor:FORBIDDEN']);
    expect((await run('mutation { logFor(mslId: "msl-2") }', viewer(['ADMIN']))).data).toEqual({ logFor: true });
  });

  it('no viewer at all: UNAUTHENTICATED', async () => {
    const result = await graphql({ schema, source: '{ plan }', contextValue: {} });
    expect(result.errors!.map((e) => formatError(e.toJSON(), e).extensions?.code)).toEqual(['UNAUTHENTICATED']);
  });
});
