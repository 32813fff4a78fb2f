import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * `npm run codegen`: TypeScript types from schema/schema.graphql into examples/generated/:
 *  - graphql.ts (typescript-operations): result and variables types of the example operations
 *    (examples/operations.ts), with the enums and inputs they use; what examples/client.ts uses;
 *  - schema.ts (typescript): every type of the schema, for clients that build their own shapes.
 * Both are committed. Run it again after the operations or the schema change: test/examples
 * fails while graphql.ts is not current (it ignores schema descriptions, so only changes to the
 * fields and types the operations use matter); schema.ts follows the schema on the next run.
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
    'examples/generated/graphql.ts': { plugins: ['typescript-operations'], config: { ...shared, disableDescriptions: true } },
    'examples/generated/schema.ts': { plugins: ['typescript'], config: shared },
  },
};

export default config;
