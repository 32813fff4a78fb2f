/**
 * Loads a reference network of test/fixtures (CSV files plus expected.json) as
 * NetworkInput. These CSV files have no quoted cells, so a split on ',' is enough.
 */
import * as fs from 'fs';
import * as path from 'path';
import { NetworkInput } from '../../src/network/network';
import { FIXTURES } from '../support/fixtures';
import { LINK_TYPES, LinkType } from '../../src/vocabulary';

export interface ExpectedPath {
  nodes: string[];
  hops: number;
  cost: number;
  strength: number;
}

export interface Expected {
  pagerank: Record<string, number>;
  betweenness: Record<string, number>;
  degree: Record<string, number>;
  louvainModularity: number;
  introductionPaths?: { fromMslId: string; toHcpId: string; maxHops: number; first: number; paths: ExpectedPath[] }[];
  networkReach?: { fromId: string; maxHops: number; total: number; byHop: { hops: number; count: number }[] }[];
}

export interface Oracle {
  input: NetworkInput;
  expected: Expected;
}

export function loadOracle(name: string): Oracle {
  const dir = path.join(FIXTURES, name);
  const hcps = readCsv(path.join(dir, 'hcps.csv'));
  const links = readCsv(path.join(dir, 'hcp_links.csv'));
  const relationshipsFile = path.join(dir, 'msl_relationships.csv');
  const relationships = fs.existsSync(relationshipsFile) ? readCsv(relationshipsFile) : [];
  return {
    input: {
      hcpIds: hcps.map((row) => row.id),
      links: links.map((row) => ({
        source: row.sourceId,
        target: row.targetId,
        type: linkType(row.type),
        weight: Number(row.weight),
      })),
      relationships: relationships.map((row) => ({
        mslId: row.mslId,
        hcpId: row.hcpId,
        strength: Number(row.strength),
      })),
    },
    expected: JSON.parse(fs.readFileSync(path.join(dir, 'expected.json'), 'utf8')) as Expected,
  };
}

function linkType(value: string): LinkType {
  const type = LINK_TYPES.find((t) => t === value);
  if (!type) throw new Error(`unknown link type ${value}`);
  return type;
}

function readCsv(file: string): Record<string, string>[] {
  const [header, ...lines] = fs
    .readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .filter((line) => line.length > 0);
  const columns = header.split(',');
  return lines.map((line) => {
    const cells = line.split(',');
    return Object.fromEntries(columns.map((column, i) => [column, cells[i] ?? '']));
  });
}
