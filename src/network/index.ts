/**
 * Pure, dependency-free graph algorithms over the HCP network (semantics: docs/network.md):
 * no Neo4j, no GraphQL. Build an HcpNetwork once, then query it synchronously.
 */
export * from './csr';
export * from './network';
export * from './pagerank';
export * from './betweenness';
export * from './modularity';
export * from './louvain';
export * from './paths';
export * from './reach';
export * from './ego';
