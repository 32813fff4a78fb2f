import { badInputField } from '../../src/http/errors';
import { TestApp, startTestApp } from '../support/app';

describe('badInputField', () => {
  it.each([
    ['Variable "$input" got invalid value "FAX" at "input.channel"; Value "FAX" does not exist in "Channel" enum.', 'channel'],
    ['Variable "$first" got invalid value "x"; Int cannot represent non-integer value: "x"', 'first'],
    ['Variable "$id" of required type "ID!" was not provided.', 'id'],
    ['Field "introductionPaths" argument "toHcpId" of type "ID!" is required, but it was not provided.', 'toHcpId'],
    ['Field "mslId" of required type "ID!" was not provided.', 'mslId'],
    ['Value "FOO" does not exist in "InfluenceMetric" enum.', ''],
    ['Int cannot represent non-integer value: "x"', ''],
    ['Cannot query field "nope" on type "Query".', undefined],
  ])('%s', (message, field) => expect(badInputField(message)).toBe(field));
});

describe('bad values through HTTP', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({}, { reset: false });
  });
  afterAll(() => t.stop());

  const post = async (query: string, variables?: Record<string, unknown>) => {
    const res = await fetch(t.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
    return (await res.json()) as { errors: { extensions: Record<string, unknown> }[] };
  };

  it('an unknown enum literal is BAD_USER_INPUT', async () => {
    const body = await post('{ kolRanking(metric: FOO) { rank } }');
    expect(body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it('a bad enum in variables is BAD_USER_INPUT naming the field', async () => {
    const body = await post('query ($m: InfluenceMetric) { kolRanking(metric: $m) { rank } }', { m: 'FOO' });
    expect(body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'm' });
  });

  it('a wrong scalar is BAD_USER_INPUT', async () => {
    const body = await post('{ networkReach(fromId: "x", maxHops: "two") { total } }');
    expect(body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it('a missing required argument is BAD_USER_INPUT naming it', async () => {
    const body = await post('{ introductionPaths(fromMslId: "msl-1") { hops } }');
    expect(body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'toHcpId' });
  });

  it('an unknown field stays a GraphQL validation error', async () => {
    const body = await post('{ nope }');
    expect(body.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});
