import path from 'node:path';

/**
 * The reference networks kept in the repository (test/fixtures/README.md: provenance, expected
 * answers computed with networkx, tolerances). Every test reads them from here.
 */
export const FIXTURES = path.resolve(__dirname, '../fixtures');
export const KARATE = path.join(FIXTURES, 'karate');
export const NETWORK_400 = path.join(FIXTURES, 'network-400');
