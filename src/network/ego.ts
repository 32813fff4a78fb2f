/**
 * The ego network of one HCP, for drawing: the HCPs within `hops` ties of it and the
 * ties among them.
 *
 * Contract:
 * - Only ties of weight ≥ minWeight count, for reaching nodes as well as for edges, so
 *   every returned node is connected to the centre through returned edges.
 * - At most maxNodes nodes (maxNodes < 1: none): the centre first, then closest first;
 *   within a distance the strongest tie to the closer layer first, then by id.
 * - Edges: every qualifying tie among returned nodes, once, source id < target id,
 *   sorted by source then target, with the tie weight (largest of the pair's links)
 *   and the link types present on the pair (either direction).
 * Unknown id: UnknownNodeError. Work is proportional to the part of the graph visited.
 */
import { HcpNetwork, hcpIndexOf, linkTypesOf } from './network';
import { LinkType } from '../vocabulary';

export interface EgoNode {
  id: string;
  /** Node index in the network (for score arrays). */
  index: number;
  hops: number;
}

export interface EgoEdge {
  source: string;
  target: string;
  weight: number;
  types: LinkType[];
}

export interface EgoNetwork {
  nodes: EgoNode[];
  edges: EgoEdge[];
}

export function egoNetwork(net: HcpNetwork, hcpId: string, hops: number, minWeight: number, maxNodes: number): EgoNetwork {
  const centre = hcpIndexOf(net, hcpId);
  if (maxNodes < 1) return { nodes: [], edges: [] };
  const chosen = chooseNodes(net, centre, hops, minWeight, maxNodes);
  return {
    nodes: chosen.map((node) => ({ id: net.hcpIds[node.index], index: node.index, hops: node.hops })),
    edges: edgesAmong(net, chosen, minWeight),
  };
}

interface Found {
  index: number;
  hops: number;
  /** Strongest qualifying tie to the previous layer. */
  strength: number;
}

/** Layer-by-layer BFS that stops as soon as the cap is filled. */
function chooseNodes(net: HcpNetwork, centre: number, hops: number, minWeight: number, maxNodes: number): Found[] {
  const { offsets, ends, targets, weights } = net.ties;
  const seen = new Set<number>([centre]);
  const chosen: Found[] = [{ index: centre, hops: 0, strength: Infinity }];
  let layer = chosen;
  for (let distance = 1; distance <= hops && chosen.length < maxNodes && layer.length > 0; distance++) {
    const next = new Map<number, Found>();
    for (const { index: v } of layer) {
      for (let e = offsets[v]; e < ends[v]; e++) {
        const u = targets[e];
        const w = weights[e];
        if (w < minWeight || seen.has(u)) continue;
        const found = next.get(u);
        if (found) found.strength = Math.max(found.strength, w);
        else next.set(u, { index: u, hops: distance, strength: w });
      }
    }
    layer = [...next.values()].sort((a, b) => b.strength - a.strength || a.index - b.index);
    layer = layer.slice(0, maxNodes - chosen.length);
    for (const found of layer) seen.add(found.index);
    chosen.push(...layer);
  }
  return chosen;
}

function edgesAmong(net: HcpNetwork, chosen: Found[], minWeight: number): EgoEdge[] {
  const { offsets, ends, targets, weights } = net.ties;
  const members = new Set(chosen.map((node) => node.index));
  const sources = [...members].sort((a, b) => a - b);
  const edges: EgoEdge[] = [];
  for (const v of sources) {
    for (let e = offsets[v]; e < ends[v]; e++) {
      const u = targets[e];
      // Rows are ascending, so u > v lists each pair once, already in order.
      if (u <= v || weights[e] < minWeight || !members.has(u)) continue;
      edges.push({ source: net.hcpIds[v], target: net.hcpIds[u], weight: weights[e], types: linkTypesOf(net.tieTypes[e]) });
    }
  }
  return edges;
}
