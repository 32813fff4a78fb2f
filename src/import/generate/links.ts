import { LinkType, isSymmetricLink } from '../../vocabulary';
import { HcpLinkRecord } from '../records';
import { AREAS, TERRITORIES } from './places';
import { Hcps, Institutions } from './people';
import { IntSet, Rng, Sampler, narrowOr } from './random';
import { round3 } from './values';

/**
 * HCP-to-HCP links. Partners are drawn by influence ("fitness") from groups of HCPs (same
 * institution, territory, therapeutic area, or both), so ties concentrate on a few KOL hubs:
 * co-authors mostly within the area, colleagues within the institution, mentors senior to
 * juniors, referrals from community physicians to specialists of their territory.
 */

/** HCPs grouped by institution, territory, area and territory x area, with samplers drawing by influence. */
export interface Groups {
  byInst: number[][];
  byTer: number[][];
  global: Sampler | null;
  terS: (Sampler | null)[];
  areaS: (Sampler | null)[];
  terAreaS: (Sampler | null)[];
  instS: (Sampler | null)[];
  /** Per territory: who refers patients (mostly HCPs of community hospitals and clinics). */
  referrers: number[][];
}

export function makeGroups(n: number, places: Institutions, people: Hcps): Groups {
  const { instKind } = places;
  const institutionCount = places.institutions.length;
  const { hcpInst, hcpTer, hcpArea, fitness } = people;
  const groupBy = (key: (i: number) => number, groups: number): number[][] => {
    const out: number[][] = Array.from({ length: groups }, () => []);
    for (let i = 0; i < n; i++) out[key(i)].push(i);
    return out;
  };
  const byInst = groupBy((i) => hcpInst[i], institutionCount);
  const byTer = groupBy((i) => hcpTer[i], TERRITORIES.length);
  const byArea = groupBy((i) => hcpArea[i], AREAS.length);
  const byTerArea = groupBy((i) => hcpTer[i] * AREAS.length + hcpArea[i], TERRITORIES.length * AREAS.length);
  const fit = (i: number) => fitness[i];
  const samplers = (groups: number[][]) => groups.map((g) => (g.length > 0 ? new Sampler(g, fit) : null));
  const global =
    n > 0
      ? new Sampler(
          Array.from({ length: n }, (_, i) => i),
          fit,
        )
      : null;
  const terS = samplers(byTer);
  const areaS = samplers(byArea);
  const terAreaS = samplers(byTerArea);
  const instS = samplers(byInst);
  // Referral sources: mostly HCPs of community hospitals and clinics.
  const referrers = byTer.map((g) => {
    const community = g.filter((i) => instKind[hcpInst[i]] !== 0);
    return community.length > 0 ? community : g;
  });
  return { byInst, byTer, global, terS, areaS, terAreaS, instS, referrers };
}

const LINK_MIX: { type: LinkType; share: number }[] = [
  { type: 'COAUTHOR', share: 0.35 },
  { type: 'COLLEAGUE', share: 0.25 },
  { type: 'CO_INVESTIGATOR', share: 0.15 },
  { type: 'REFERRAL', share: 0.15 },
  { type: 'MENTOR', share: 0.1 },
];

export function makeLinks(rng: Rng, n: number, linksPerHcp: number, people: Hcps, groups: Groups): HcpLinkRecord[] {
  const { hcps, hcpInst, hcpTer, hcpArea, fitness } = people;
  const { byInst, global, terS, areaS, terAreaS, instS, referrers } = groups;
  const hcpLinks: HcpLinkRecord[] = [];
  const maxLinks = Math.floor((n * (n - 1)) / 4);
  const target = Math.min(Math.round(n * linksPerHcp), maxLinks);
  const seen = LINK_MIX.map((m) => new IntSet(Math.ceil(target * m.share * 1.2)));
  const mixWeights = LINK_MIX.map((m) => m.share);
  const kolBias = (i: number) => Math.min(1, Math.log1p(fitness[i]) / 4);
  let attempts = 0;
  while (hcpLinks.length < target && attempts < target * 5 && global) {
    attempts += 1;
    const mix = rng.weighted(mixWeights);
    const type = LINK_MIX[mix].type;
    let a = rng.int(n);
    let b: number;
    let weight: number;
    const ta = hcpTer[a] * AREAS.length + hcpArea[a];
    switch (type) {
      case 'COAUTHOR':
        // Hubs: co-authors drawn by influence, mostly within the therapeutic area.
        b = rng.chance(0.6)
          ? narrowOr(terAreaS[ta], areaS[hcpArea[a]]).draw(rng)
          : rng.chance(0.85)
            ? areaS[hcpArea[a]]!.draw(rng)
            : global.draw(rng);
        weight = 0.3 + 0.6 * rng.next() * (0.5 + 0.5 * kolBias(b));
        break;
      case 'CO_INVESTIGATOR':
        b = rng.chance(0.5) ? narrowOr(terAreaS[ta], areaS[hcpArea[a]]).draw(rng) : areaS[hcpArea[a]]!.draw(rng);
        weight = rng.between(0.3, 0.9);
        break;
      case 'COLLEAGUE':
        b = byInst[hcpInst[a]].length > 1 && rng.chance(0.8) ? instS[hcpInst[a]]!.uniform(rng) : terS[hcpTer[a]]!.uniform(rng);
        weight = rng.between(0.2, 0.8);
        break;
      case 'MENTOR':
        // A senior (influential) clinician and a junior one, usually at the same place.
        a =
          byInst[hcpInst[a]].length > 1 && rng.chance(0.6)
            ? instS[hcpInst[a]]!.draw(rng)
            : narrowOr(terAreaS[ta], terS[hcpTer[a]]).draw(rng);
        b = byInst[hcpInst[a]].length > 1 && rng.chance(0.6) ? instS[hcpInst[a]]!.uniform(rng) : terS[hcpTer[a]]!.uniform(rng);
        weight = rng.between(0.5, 1);
        break;
      default: {
        // REFERRAL: community physicians refer to specialists (KOLs) of their territory.
        const ti = hcpTer[a];
        a = rng.pick(referrers[ti]);
        const tb = hcpTer[a] * AREAS.length + hcpArea[a];
        b = rng.chance(0.7) ? narrowOr(terAreaS[tb], terS[ti]).draw(rng) : terS[ti]!.draw(rng);
        weight = rng.between(0.1, 0.9);
      }
    }
    if (a === b) continue;
    const symmetric = isSymmetricLink(type);
    const lo = symmetric && b < a ? b : a;
    const hi = symmetric && b < a ? a : b;
    const key = lo * n + hi;
    if (!seen[mix].add(key)) continue;
    hcpLinks.push({ sourceId: hcps[lo].id, targetId: hcps[hi].id, type, weight: round3(weight) });
  }
  return hcpLinks;
}
