import { getMetadataStorage } from 'type-graphql';
import { isGuarded } from '../../src/graph/auth';
import { graphqlSchema } from '../../src/graph/schema';

/**
 * Every mutation carries an auth guard of src/graph/auth (@AdminOnly, @Roles, @ActsForMsl,
 * @OwnsInteraction): a new mutation without one fails here. And the personal-data fields carry theirs.
 */
describe('auth coverage', () => {
  const schema = graphqlSchema();

  it('every Mutation field is guarded', () => {
    const mutations = getMetadataStorage().mutations.map((m) => ({ field: m.schemaName, member: `${m.target.name}.${m.methodName}` }));
    expect(mutations.length).toBe(Object.keys(schema.getMutationType()!.getFields()).length);
    expect(mutations.filter((m) => !isGuarded(...(m.member.split('.') as [string, string]))).map((m) => m.field)).toEqual([]);
  });

  it('email and notes are guarded', () => {
    expect(isGuarded('HCP', 'email')).toBe(true);
    expect(isGuarded('MSL', 'email')).toBe(true);
    expect(isGuarded('Interaction', 'notes')).toBe(true);
  });

  it('no other field is named like personal data without a guard', () => {
    const suspicious: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith('__') || !('getFields' in type) || type.constructor.name !== 'GraphQLObjectType') continue;
      for (const field of Object.keys((type as { getFields(): Record<string, unknown> }).getFields())) {
        if (/^(email|notes|phone|address)$/i.test(field) && !isGuarded(type.name, field)) suspicious.push(`${type.name}.${field}`);
      }
    }
    expect(suspicious).toEqual([]);
  });
});
