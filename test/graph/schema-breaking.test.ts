import fs from 'node:fs';
import path from 'node:path';
import { buildSchema } from 'graphql';
import { CriticalityLevel, diff } from '@graphql-inspector/core';
import { printedSchema } from '../../src/graph/schema';

/**
 * Clients must never break: fields are added and deprecated, never removed, retyped or given a
 * new required argument. `schema/baseline.graphql` is the schema of the last release; this test
 * fails on any change that graphql-inspector rates BREAKING between it and what the code emits.
 * Dangerous changes (a new enum value, a new optional argument, a changed default) are allowed:
 * clients written against the baseline still work.
 *
 * The baseline is updated only at a release, by a deliberate commit of its own
 * (`cp schema/schema.graphql schema/baseline.graphql`), never to make this test pass.
 */
describe('schema compatibility with schema/baseline.graphql', () => {
  it('has no breaking change', async () => {
    const baseline = buildSchema(fs.readFileSync(path.resolve(__dirname, '../../schema/baseline.graphql'), 'utf8'));
    const current = buildSchema(printedSchema());
    const breaking = (await diff(baseline, current))
      .filter((change) => change.criticality.level === CriticalityLevel.Breaking)
      .map((change) => `${change.path ?? ''}: ${change.message}`);
    expect(breaking).toEqual([]);
  });
});
