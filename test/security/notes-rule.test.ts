import { GraphQLObjectType, getNamedType, isObjectType } from 'graphql';
import { graphqlSchema } from '../../src/graph/schema';
import { signToken } from '../../src/http/auth';
import { TestApp, startTestApp } from '../support/app';

/**
 * Interaction notes are readable by ADMIN and the MSL who logged them; so is everything derived
 * from them. This walks every field reachable from Interaction and Insight (through value types;
 * other entities have their own rules) and asks for it as an ANALYST, a PLANNER, another MSL and
 * the owner. A field not reviewed below as "reveals nothing of the notes" must answer FORBIDDEN to
 * the first three: a new field derived from notes without the rule fails here.
 */
const NOT_FROM_NOTES: Record<string, string> = {
  'Interaction.id': 'identifier',
  'Interaction.date': 'logged metadata',
  'Interaction.channel': 'logged metadata',
  'Interaction.topic': 'a separate, non-personal field',
  'Interaction.sentiment': 'logged metadata',
  'Interaction.msl': 'entity',
  'Interaction.hcp': 'entity',
  'Interaction.insights': 'insights are their own text (below)',
  'Insight.id': 'identifier',
  'Insight.text': 'written to be shared, captured separately from the notes',
  'Insight.category': 'insight metadata',
  'Insight.audience': 'insight metadata',
  'Insight.createdAt': 'insight metadata',
  'Insight.therapeuticArea': 'entity',
  'Insight.interaction': 'the interaction itself, walked above',
  'Insight.flagged': "about the insight's own text",
  'Insight.flaggedWords': "about the insight's own text",
};

const SECRET = 'notes-rule-test-secret-0123456789abcdef';
const tokens = {
  analyst: signToken(SECRET, { sub: 'ana', roles: ['ANALYST'] }),
  planner: signToken(SECRET, { sub: 'pla', roles: ['PLANNER'] }),
  otherMsl: signToken(SECRET, { sub: 'other', roles: ['MSL'], mslId: 'msl-other' }),
  owner: signToken(SECRET, { sub: 'owner', roles: ['MSL'], mslId: 'msl-owner' }),
};

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ JWT_SECRET: SECRET, RESTRICTED_WORDS_MODE: 'FLAG' });
  await t.db.write(`
    CREATE (o:MSL {id: 'msl-owner', firstName: 'O', lastName: 'Owner', email: 'o@example.org'})
    CREATE (:MSL {id: 'msl-other', firstName: 'X', lastName: 'Other', email: 'x@example.org'})
    CREATE (h:HCP {id: 'hcp-n', firstName: 'H', lastName: 'N', specialty: 'Oncology'})
    CREATE (o)-[:LOGGED]->(i:Interaction {id: 'int-n', date: date('2026-01-05'), channel: 'EMAIL', sentiment: 'NEUTRAL',
                                          notes: 'patient asked about a cure', flagged: true, flaggedWords: ['cure']})-[:WITH]->(h)
    CREATE (:Insight {id: 'ins-n', text: 'needs data', category: 'unmet need', audience: 'R_AND_D', createdAt: datetime()})-[:FROM]->(i)`);
});
afterAll(() => t.stop());

/** Every field reachable from `type` through value types (types without an `id` of their own), as selection paths. */
function reachable(
  type: GraphQLObjectType,
  prefix: (leaf: string) => string,
  seen = new Set<string>(),
): { coordinate: string; query: string }[] {
  const out: { coordinate: string; query: string }[] = [];
  for (const field of Object.values(type.getFields())) {
    const coordinate = `${type.name}.${field.name}`;
    if (seen.has(coordinate) || field.args.some((arg) => arg.type.toString().endsWith('!') && arg.defaultValue === undefined)) continue;
    seen.add(coordinate);
    const target = getNamedType(field.type);
    const isValueType = isObjectType(target) && !('id' in target.getFields());
    out.push({ coordinate, query: prefix(isObjectType(target) ? `${field.name} { __typename }` : field.name) });
    if (isValueType) out.push(...reachable(target, (leaf) => prefix(`${field.name} { ${leaf} }`), seen));
  }
  return out;
}

const schema = graphqlSchema();
const fields = [
  ...reachable(schema.getType('Interaction') as GraphQLObjectType, (leaf) => `{ interaction(id: "int-n") { ${leaf} } }`),
  ...reachable(schema.getType('Insight') as GraphQLObjectType, (leaf) => `{ interaction(id: "int-n") { insights { ${leaf} } } }`),
];

async function ask(token: string, query: string) {
  const res = await fetch(t.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query }),
  });
  return (await res.json()) as { data?: unknown; errors?: { extensions: { code: string } }[] };
}

it('finds the fields to check (Interaction.notes, flagged and flaggedWords among them)', () => {
  const coordinates = fields.map((f) => f.coordinate);
  expect(coordinates).toEqual(
    expect.arrayContaining(['Interaction.notes', 'Interaction.flagged', 'Interaction.flaggedWords', 'Insight.text']),
  );
});

describe.each(fields.filter((f) => !(f.coordinate in NOT_FROM_NOTES)))('$coordinate (derived from notes)', ({ query }) => {
  it.each([['analyst'], ['planner'], ['otherMsl']] as const)('is FORBIDDEN to %s', async (who) => {
    const body = await ask(tokens[who], query);
    expect(body.errors?.map((e) => e.extensions.code)).toEqual(['FORBIDDEN']);
    expect(JSON.stringify(body.data ?? null)).not.toMatch(/cure/);
  });

  it('is readable by the MSL who logged the interaction', async () => {
    const body = await ask(tokens.owner, query);
    expect(body.errors).toBeUndefined();
  });
});

it('fields reviewed as not derived from notes still exist (the review list is not stale)', () => {
  const coordinates = new Set(fields.map((f) => f.coordinate));
  expect(Object.keys(NOT_FROM_NOTES).filter((coordinate) => !coordinates.has(coordinate))).toEqual([]);
});
