import cytoscape from 'cytoscape';
import type { EgoData, PathData } from './api';

/** Colours for communities, assigned in order of first sight and kept for the session. */
const PALETTE = ['#4e79a7', '#f28e2b', '#59a14f', '#e15759', '#76b7b2', '#edc948', '#b07aa1', '#ff9da7', '#9c755f', '#8cd17d', '#86bcb6', '#d37295'];
const communityColours = new Map<string, string>();
export function communityColour(id: string): string {
  let colour = communityColours.get(id);
  if (!colour) {
    colour = PALETTE[communityColours.size % PALETTE.length];
    communityColours.set(id, colour);
  }
  return colour;
}

export const LINK_COLOURS: Record<string, string> = {
  COAUTHOR: '#3b6fb6',
  CO_INVESTIGATOR: '#8e5cb5',
  COLLEAGUE: '#8a8f98',
  MENTOR: '#3f9a5a',
  REFERRAL: '#d9822b',
};

const PATH_COLOUR = '#ff3d00';

export type Layout = 'rings' | 'force';

export interface GraphCallbacks {
  onSelect(hcpId: string): void;
  onHover(text: string | null): void;
}

/** The ego network drawn with cytoscape: size = PageRank, colour = community, width = tie weight. */
export class NetworkView {
  private cy: cytoscape.Core;
  private centre: string | null = null;
  private layoutName: Layout = 'rings';

  constructor(
    private readonly container: HTMLElement,
    callbacks: GraphCallbacks,
  ) {
    this.cy = cytoscape({
      container,
      minZoom: 0.2,
      maxZoom: 4,
      wheelSensitivity: 0.3,
      style: [
        {
          selector: 'node',
          style: {
            'background-color': 'data(colour)',
            width: 'data(size)',
            height: 'data(size)',
            label: 'data(label)',
            'font-size': 11,
            'font-family': 'system-ui, sans-serif',
            color: '#1d2330',
            'text-valign': 'bottom',
            'text-margin-y': 3,
            'text-outline-color': '#ffffff',
            'text-outline-width': 2,
            'border-width': 1,
            'border-color': '#ffffff',
          },
        },
        { selector: 'node.centre', style: { 'border-width': 4, 'border-color': '#1d2330', 'font-weight': 'bold', 'font-size': 13, 'min-zoomed-font-size': 0 } },
        { selector: 'node.msl', style: { shape: 'diamond', 'background-color': '#1d2330', width: 30, height: 30, 'font-weight': 'bold', label: 'data(name)' } },
        { selector: 'node.off-ego', style: { 'border-style': 'dashed', 'border-color': PATH_COLOUR, 'border-width': 2 } },
        {
          selector: 'edge',
          style: {
            width: 'data(width)',
            'line-color': 'data(colour)',
            opacity: 0.55,
            'curve-style': 'bezier',
            label: 'data(label)',
            'font-size': 8,
            'text-opacity': 0,
            'text-rotation': 'autorotate',
            'text-background-color': '#ffffff',
            'text-background-opacity': 0.85,
            'text-background-padding': '1px',
          },
        },
        { selector: 'edge.centre-tie', style: { opacity: 0.8 } },
        { selector: 'edge.hover, edge:selected', style: { 'text-opacity': 1, opacity: 1 } },
        { selector: '.faded', style: { opacity: 0.12, 'text-opacity': 0.2 } },
        {
          selector: 'node.path',
          style: {
            'border-width': 4,
            'border-color': PATH_COLOUR,
            opacity: 1,
            label: 'data(name)',
            'text-opacity': 1,
            'font-weight': 'bold',
            'font-size': 13,
            'min-zoomed-font-size': 0,
            'text-background-color': '#fff3ee',
            'text-background-opacity': 0.9,
            'text-background-padding': '2px',
            'z-index': 20,
          },
        },
        { selector: 'edge.path', style: { 'line-color': PATH_COLOUR, width: 5, opacity: 1, 'text-opacity': 0, 'z-index': 10 } },
      ],
    });
    this.cy.on('tap', 'node', (event) => {
      const node = event.target as cytoscape.NodeSingular;
      if (!node.hasClass('msl')) callbacks.onSelect(node.id());
    });
    this.cy.on('mouseover', 'edge', (event) => {
      const edge = event.target as cytoscape.EdgeSingular;
      edge.addClass('hover');
      callbacks.onHover(`${edge.source().data('name')} — ${edge.target().data('name')}: ${edge.data('label')}`);
    });
    this.cy.on('mouseout', 'edge', (event) => {
      (event.target as cytoscape.EdgeSingular).removeClass('hover');
      callbacks.onHover(null);
    });
    this.cy.on('mouseover', 'node', (event) => {
      const node = event.target as cytoscape.NodeSingular;
      callbacks.onHover(node.data('tooltip') as string);
    });
    this.cy.on('mouseout', 'node', () => callbacks.onHover(null));
  }

  setLayout(layout: Layout): void {
    this.layoutName = layout;
    this.runLayout();
  }

  /** Replaces the drawing with an ego network; the centre is the HCP with hops 0. */
  showEgo(data: EgoData['egoNetwork']): void {
    const max = Math.max(1e-12, ...data.nodes.map((n) => n.pagerank));
    const centre = data.nodes.find((n) => n.hops === 0);
    // Names on the centre and the most influential neighbours; the rest on hover.
    const labelled = new Set(
      [...data.nodes]
        .sort((a, b) => a.hops - b.hops || b.pagerank - a.pagerank)
        .filter((n) => n.hops <= 1)
        .slice(0, 12)
        .map((n) => n.hcp.id),
    );
    this.centre = centre?.hcp.id ?? null;
    // Position on its ring: the most influential spread around it (golden-ratio steps), not bunched.
    const ringPosition = new Map<string, number>();
    const seen = new Map<number, number>();
    for (const node of [...data.nodes].sort((a, b) => b.pagerank - a.pagerank)) {
      const k = seen.get(node.hops) ?? 0;
      seen.set(node.hops, k + 1);
      ringPosition.set(node.hcp.id, (k * 0.6180339887) % 1);
    }
    const elements: cytoscape.ElementDefinition[] = [];
    for (const node of data.nodes) {
      elements.push({
        group: 'nodes',
        data: {
          id: node.hcp.id,
          name: node.hcp.name,
          label: labelled.has(node.hcp.id) ? node.hcp.name : '',
          hops: node.hops,
          pagerank: node.pagerank,
          ring: ringPosition.get(node.hcp.id) ?? 0,
          size: Math.round(14 + 46 * Math.sqrt(node.pagerank / max)),
          colour: communityColour(node.communityId),
          tooltip: `${node.hcp.name} (${node.hcp.specialty ?? 'no specialty'}) · PageRank ${node.pagerank.toFixed(5)} · community ${node.communityId} · ${node.hops} hop(s)`,
        },
        classes: node.hops === 0 ? 'centre' : '',
      });
    }
    for (const edge of data.edges) {
      elements.push({
        group: 'edges',
        data: {
          id: edgeId(edge.sourceId, edge.targetId),
          source: edge.sourceId,
          target: edge.targetId,
          weight: edge.weight,
          width: 1 + 5 * edge.weight,
          colour: LINK_COLOURS[edge.types[0]] ?? '#888',
          label: `${edge.types.join(' + ')} · ${edge.weight.toFixed(2)}`,
        },
        classes: edge.sourceId === this.centre || edge.targetId === this.centre ? 'centre-tie' : '',
      });
    }
    this.cy.elements().remove();
    this.cy.add(elements);
    this.container.dataset.nodes = String(data.nodes.length);
    this.container.dataset.edges = String(data.edges.length);
    this.container.dataset.centre = this.centre ?? '';
    this.container.dataset.highlighted = '0';
    this.runLayout();
  }

  /**
   * Draws introduction paths over the network: nodes and ties missing from the ego network are
   * added (dashed), the MSL as a diamond; `highlight` is the path shown in colour.
   */
  showPaths(paths: PathData[], highlight: number): void {
    this.cy.elements('.path-extra').remove();
    this.cy.elements().removeClass('path faded');
    this.container.dataset.highlighted = '0';
    if (paths.length === 0) return;
    for (const path of paths) {
      for (const node of path.nodes) {
        if (this.cy.getElementById(node.id).nonempty()) continue;
        const msl = node.__typename === 'MSL';
        this.cy.add({
          group: 'nodes',
          data: { id: node.id, name: node.name, label: node.name, size: 22, colour: '#c8ccd4', tooltip: `${node.name} (${msl ? 'MSL' : 'HCP outside the ego network'})` },
          classes: `path-extra ${msl ? 'msl' : 'off-ego'}`,
        });
      }
      for (let i = 1; i < path.nodes.length; i++) {
        const a = path.nodes[i - 1].id;
        const b = path.nodes[i].id;
        if (this.cy.getElementById(edgeId(a, b)).nonempty()) continue;
        this.cy.add({
          group: 'edges',
          data: { id: edgeId(a, b), source: a, target: b, width: 2, colour: '#aab', label: i === 1 ? 'MSL relationship' : 'tie' },
          classes: 'path-extra',
        });
      }
    }
    const chosen = paths[highlight] ?? paths[0];
    this.cy.elements().addClass('faded');
    for (let i = 0; i < chosen.nodes.length; i++) {
      this.cy.getElementById(chosen.nodes[i].id).removeClass('faded').addClass('path');
      if (i > 0) this.cy.getElementById(edgeId(chosen.nodes[i - 1].id, chosen.nodes[i].id)).removeClass('faded').addClass('path');
    }
    this.container.dataset.highlighted = String(this.cy.elements('.path').length);
    this.runLayout();
  }

  clearPaths(): void {
    this.cy.elements('.path-extra').remove();
    this.cy.elements().removeClass('path faded');
    this.container.dataset.highlighted = '0';
    this.runLayout();
  }

  private runLayout(): void {
    if (this.cy.nodes().length === 0) return;
    const options: cytoscape.LayoutOptions =
      this.layoutName === 'force'
        ? ({ name: 'cose', animate: false, randomize: false, nodeRepulsion: () => 9000, idealEdgeLength: () => 70, padding: 30 } as cytoscape.LayoutOptions)
        : {
            name: 'concentric',
            animate: false,
            padding: 30,
            minNodeSpacing: 14,
            // Rings by distance from the centre (MSLs outermost).
            concentric: (node: cytoscape.NodeSingular) => {
              if (node.hasClass('msl')) return 0;
              const hops = node.data('hops') as number | undefined;
              if (hops === undefined) return 150;
              return 1000 - 300 * hops + 99 * Number(node.data('ring') ?? 0);
            },
            levelWidth: () => 150,
          };
    this.cy.layout(options).run();
    this.cy.fit(undefined, 30);
    this.scaleLabels();
  }

  /** Labels keep a readable size on screen whatever zoom the fit chose. */
  private scaleLabels(): void {
    const zoom = Math.min(1.5, Math.max(0.05, this.cy.zoom()));
    this.cy
      .style()
      .selector('node')
      .style({ 'font-size': 11 / zoom, 'text-outline-width': 2 / zoom, 'text-margin-y': 3 / zoom })
      .selector('node.centre')
      .style({ 'font-size': 13 / zoom })
      .selector('node.path')
      .style({ 'font-size': 12 / zoom, 'text-background-padding': `${2 / zoom}px` })
      .selector('edge')
      .style({ 'font-size': 10 / zoom })
      .update();
  }
}

function edgeId(a: string, b: string): string {
  return a < b ? `${a}~${b}` : `${b}~${a}`;
}
