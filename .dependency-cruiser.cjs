/**
 * The import graph of src/, checked by test/structure/dependencies.test.ts (so CI runs it):
 * dependencies run one way: http -> graph (GraphQL) and import (CSV) -> engagement rules ->
 * network algorithms -> db -> config, errors, vocabulary. Together the layer rules leave no cycle between top-level folders.
 */
const PURE = '^src/(network|engagement|db)/|^src/(config|errors|vocabulary|logger|paths)\\.ts$';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'No module imports itself through others.',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'importer-below-the-api',
      severity: 'error',
      comment: 'The CSV importer uses the domain layers, never GraphQL or HTTP.',
      from: { path: '^src/import/' },
      to: { path: '^src/(graph|http)/' },
    },
    {
      name: 'network-below-engagement',
      severity: 'error',
      comment: 'Engagement rules may use the network algorithms, not the other way round.',
      from: { path: '^src/network/' },
      to: { path: '^src/engagement/' },
    },
    {
      name: 'db-at-the-bottom',
      severity: 'error',
      comment: 'The database layer knows no domain logic.',
      from: { path: '^src/db/' },
      to: { path: '^src/(network|engagement)/' },
    },
    {
      name: 'root-modules-at-the-bottom',
      severity: 'error',
      comment: 'config, errors, vocabulary, logger and paths import no folder of src/.',
      from: { path: '^src/(config|errors|vocabulary|logger|paths)\\.ts$' },
      to: { path: '^src/[^/]+/' },
    },
    {
      name: 'pure-layers-stay-pure',
      severity: 'error',
      comment: 'Network algorithms, engagement rules, vocabulary, db, config and errors import nothing of GraphQL or HTTP.',
      from: { path: PURE },
      to: { path: '^src/(graph|http|import)/|^src/(app|main)\\.ts$' },
    },
    {
      name: 'graph-never-imports-http',
      severity: 'error',
      comment: 'GraphQL parts are served by http, never the other way round.',
      from: { path: '^src/graph/' },
      to: { path: '^src/http/' },
    },
    {
      name: 'graph-never-imports-the-importer',
      severity: 'error',
      comment: 'The API and the CSV importer share the bottom layers, not each other.',
      from: { path: '^src/graph/' },
      to: { path: '^src/import/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '\\.d\\.ts$' },
  },
};
