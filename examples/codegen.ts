import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * `npm run codegen`: TypeScript types from schema/schema.graphql into examples/generated/:
 *  - graphql.ts (typescript-operations): result and variables types of the example operations
 *    (examples/operations.ts), with the enums and inputs they use; what examples/client.ts uses;
 *  - schema.ts (typescript): every type of the schema, for clients that build their own shapes.
 * Both are committed. Run it again after the schema (npm run schema:emit) or the operations
 * change; test/examples checks the committed files are current.
 */
const shared = {
  // Plain string unions for enums: no runtime code, assignable from literals.
  enumType: 'string-literal',
  enumsAsTypes: true,
  scalars: { ID: { input: 'string', output: 'string' } },
  useTypeImports: true,
};

const config: CodegenConfig = {
  schema: 'schema/schema.graphql',
  documents: ['examples/operations.ts'],
  generates: {
    'examples/generated/graphql.ts': { plugins: ['typescript-operations'], config: shared },
    'examples/generated/schema.ts': { plugins: ['typescript'], config: shared },
  },
};

export default config;
