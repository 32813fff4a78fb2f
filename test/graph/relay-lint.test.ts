import fs from 'node:fs';
import path from 'node:path';
import { Linter } from 'eslint';
import graphqlPlugin from '@graphql-eslint/eslint-plugin';

/**
 * The emitted schema follows the Relay Cursor Connections and Global Object Identification specs,
 * as graphql-eslint's Relay rules check them. `listTypeCanWrapOnlyEdgeType` is off: the whole lists
 * clients already use stay lists (each has a paged `...Connection` twin), and top-N answers
 * (rankings, paths) are lists by nature.
 */
const SCHEMA = path.join(__dirname, '..', '..', 'schema', 'schema.graphql');

const RULES = {
  '@graphql-eslint/relay-connection-types': 'error',
  '@graphql-eslint/relay-edge-types': ['error', { shouldImplementNode: true, listTypeCanWrapOnlyEdgeType: false }],
  '@graphql-eslint/relay-page-info': 'error',
  '@graphql-eslint/relay-arguments': ['error', { includeBoth: true }],
} as const;

function lint(sdl: string): Linter.LintMessage[] {
  return new Linter({ configType: 'flat' }).verify(
    sdl,
    [
      {
        files: ['**/*.graphql'],
        languageOptions: { parser: graphqlPlugin.parser, parserOptions: { graphQLConfig: { schema: sdl } } },
        plugins: { '@graphql-eslint': graphqlPlugin as never },
        rules: RULES as never,
      },
    ],
    'schema.graphql',
  );
}

describe('schema/schema.graphql against the Relay rules of graphql-eslint', () => {
  it('has no violation', () => {
    const messages = lint(fs.readFileSync(SCHEMA, 'utf8'));
    expect(messages.map((m) => `${m.line}:${m.column} ${m.ruleId}: ${m.message}`)).toEqual([]);
  });

  it('reports a violation (the check is live)', () => {
    const sdl =
      'type Query { items(first: Int, after: String): ItemConnection! } type Item { id: ID! } type ItemConnection { edges: [ItemEdge!]! pageInfo: PageInfo! } type ItemEdge { cursor: String! node: Item! } type PageInfo { hasNextPage: Boolean! endCursor: String }';
    expect(lint(sdl).map((m) => m.ruleId)).toEqual(
      expect.arrayContaining(['@graphql-eslint/relay-edge-types', '@graphql-eslint/relay-page-info', '@graphql-eslint/relay-arguments']),
    );
  });
});
