import { NetworkData } from '../records';
import { TERRITORIES, AREAS } from './places';
import { makeEngagement } from './engagement';
import { makeGroups, makeLinks } from './links';
import { makeHcps, makeInstitutions, makeMsls } from './people';
import { Rng, seededRandom } from './random';
import { makeScience } from './science';

export { seededRandom };

/**
 * A deterministic, seeded generator of a realistic medical-affairs network, producing the
 * import's records (valid by construction): US regions and EU countries, therapeutic areas,
 * academic centres / community hospitals / clinics, HCPs with realistic names and specialties,
 * a heavy-tailed "fitness" per HCP so that co-authorship, co-investigation, mentoring and
 * referrals concentrate on a few KOL hubs, MSLs with relationships and interactions (every
 * channel and sentiment), and publications / trials whose authors and investigators are mostly
 * KOLs. Same options -> same records, on any machine.
 *
 * Scale: ~`linksPerHcp` (10) links per HCP, ~1 MSL per 100 HCPs (at least 20 from 2,000 HCPs),
 * ~1 publication per 8 HCPs, ~1 trial per 80 HCPs. 100k HCPs (~1M links) take ~1-2 s.
 */

export interface GenerateOptions {
  hcps: number;
  seed?: number;
  /** Average links per HCP (default 10). */
  linksPerHcp?: number;
  /** The "today" of the generated history (default 2025-06-30); dates fall before it. */
  referenceDate?: string;
}

/**
 * The parts are drawn in a fixed order from one random sequence (the order is part of the
 * output): places, HCPs, links, MSLs, engagement, science.
 */
export function generateNetwork(options: GenerateOptions): NetworkData {
  const n = Math.max(0, Math.floor(options.hcps));
  const rng = new Rng(seededRandom(options.seed ?? 42));
  const linksPerHcp = options.linksPerHcp ?? 10;
  const today = Date.parse(`${options.referenceDate ?? '2025-06-30'}T00:00:00Z`);
  if (!Number.isFinite(today)) throw new Error(`invalid referenceDate ${options.referenceDate}`);

  const territories = TERRITORIES.map((t) => ({ id: t.id, name: t.name, region: t.region }));
  const therapeuticAreas = AREAS.map((a) => ({ id: a.id, name: a.name }));
  const places = makeInstitutions(rng, n);
  const people = makeHcps(rng, n, places);
  const groups = makeGroups(n, places, people);
  const hcpLinks = makeLinks(rng, n, linksPerHcp, people, groups);
  const msls = makeMsls(rng, n, groups.byTer);
  const engagement = makeEngagement(rng, today, people, msls, groups);
  const science = makeScience(rng, n, people, groups);
  return {
    territories,
    therapeuticAreas,
    institutions: places.institutions,
    hcps: people.hcps,
    hcpLinks,
    msls: msls.msls,
    ...engagement,
    ...science,
  };
}
