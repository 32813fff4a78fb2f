import { CHANNELS } from '../../vocabulary';
import { HcpRecord, InstitutionRecord, MslRecord } from '../records';
import { NAMES } from './names';
import { AREAS, INSTITUTION_TYPES, NORDIC_COUNTRY, TERRITORIES } from './places';
import { Rng, Sampler } from './random';
import { CHANNEL_WEIGHTS } from './texts';
import { ascii, pad } from './values';

/**
 * The people and places of the generated network: institutions spread over the territories by
 * weight, HCPs at institutions (sized by kind) with a heavy-tailed influence ("fitness", larger at
 * academic centres), and MSLs covering the populated territories.
 */

/** Institutions with, by index, their territory, kind and relative size. */
export interface Institutions {
  institutions: InstitutionRecord[];
  instTerritory: number[];
  instKind: number[];
  instSize: number[];
}

/** HCPs with, by index, their institution, territory, main therapeutic area and influence. */
export interface Hcps {
  hcps: HcpRecord[];
  hcpInst: Int32Array;
  hcpTer: Int32Array;
  hcpArea: Int32Array;
  fitness: Float64Array;
}

/** MSLs with, by index, their territory and therapeutic areas. */
export interface Msls {
  msls: MslRecord[];
  mslTer: number[];
  mslAreas: number[][];
}

export const areaWeights = AREAS.map((a) => a.weight);

export function makeInstitutions(rng: Rng, n: number): Institutions {
  const institutionCount = Math.max(TERRITORIES.length * 2, Math.round(n / 40));
  const instWidth = Math.max(4, String(institutionCount - 1).length);
  const institutions: InstitutionRecord[] = [];
  const instTerritory: number[] = [];
  const instKind: number[] = [];
  const instSize: number[] = [];
  const usedNames = new Set<string>();
  const territoryWeights = TERRITORIES.map((t) => t.weight);
  for (let i = 0; i < institutionCount; i++) {
    // Every territory gets at least two institutions, then by weight.
    const ti = i < TERRITORIES.length * 2 ? i % TERRITORIES.length : rng.weighted(territoryWeights);
    const ter = TERRITORIES[ti];
    const kind = i < TERRITORIES.length ? 0 : rng.weighted(INSTITUTION_TYPES.map((k) => k.share));
    const city = rng.pick(ter.cities);
    const surname = rng.pick(NAMES[ter.names].last);
    const base =
      kind === 0
        ? rng.pick([
            `${city} University Medical Center`,
            `${surname} Institute of ${city}`,
            `${city} University Hospital`,
            `${city} Academic Medical Centre`,
          ])
        : kind === 1
          ? rng.pick([
              `${city} General Hospital`,
              `St. ${rng.pick(['Mary', 'Luke', 'Joseph', 'Anne', 'Vincent', 'Elisabeth'])}'s Hospital ${city}`,
              `${city} Community Hospital`,
              `${surname} Memorial Hospital`,
            ])
          : rng.pick([
              `${city} ${rng.pick(AREAS).name} Clinic`,
              `${surname} Clinic ${city}`,
              `${city} Specialty Practice`,
              `${city} Outpatient Center`,
            ]);
    let name = base;
    for (let k = 2; usedNames.has(name); k++)
      name = `${base} ${['North', 'South', 'East', 'West', 'Central'][(k - 2) % 5]}${k > 6 ? ` ${k - 5}` : ''}`;
    usedNames.add(name);
    institutions.push({
      id: `inst-${pad(i, instWidth)}`,
      name,
      type: INSTITUTION_TYPES[kind].type,
      city,
      country: ter.names === 'nordic' ? (NORDIC_COUNTRY[city] ?? ter.country) : ter.country,
      territoryId: ter.id,
    });
    instTerritory.push(ti);
    instKind.push(kind);
    instSize.push(INSTITUTION_TYPES[kind].size * rng.between(0.5, 1.5));
  }
  return { institutions, instTerritory, instKind, instSize };
}

export function makeHcps(rng: Rng, n: number, places: Institutions): Hcps {
  const { institutions, instTerritory, instKind, instSize } = places;
  const hcpWidth = Math.max(5, String(Math.max(0, n - 1)).length);
  const hcps: HcpRecord[] = new Array(n);
  const hcpInst = new Int32Array(n);
  const hcpTer = new Int32Array(n);
  const hcpArea = new Int32Array(n);
  const fitness = new Float64Array(n);
  const instSampler = new Sampler(
    institutions.map((_, i) => i),
    (i) => instSize[i],
  );
  const emails = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const inst = instSampler.draw(rng);
    const ti = instTerritory[inst];
    const ter = TERRITORIES[ti];
    const area = rng.weighted(areaWeights);
    const pool = NAMES[ter.names];
    const firstName = rng.pick(pool.first);
    const lastName = rng.pick(pool.last);
    const areas = [AREAS[area].id];
    if (rng.chance(0.2)) {
      const second = AREAS[rng.weighted(areaWeights)].id;
      if (second !== areas[0]) areas.push(second);
    }
    areas.sort();
    // Heavy-tailed influence (Pareto, alpha 1.3), larger at academic centres.
    const pareto = Math.min(2000, Math.pow(1 - rng.next(), -1 / 1.3));
    fitness[i] = pareto * INSTITUTION_TYPES[instKind[inst]].kol;
    const local = `${ascii(firstName)}.${ascii(lastName)}`;
    const count = (emails.get(local) ?? 0) + 1;
    emails.set(local, count);
    const domain = `${ascii(institutions[inst].name).slice(0, 18)}.example.org`;
    hcps[i] = {
      id: `hcp-${pad(i, hcpWidth)}`,
      firstName,
      lastName,
      specialty: rng.chance(0.97) ? rng.pick(AREAS[area].specialties) : null,
      institutionId: rng.chance(0.98) ? institutions[inst].id : null,
      territoryId: ter.id,
      therapeuticAreaIds: areas,
      email: rng.chance(0.9) ? `${local}${count > 1 ? count : ''}@${domain}` : null,
      preferredChannel: rng.chance(0.5) ? CHANNELS[rng.weighted(CHANNEL_WEIGHTS)] : null,
    };
    hcpInst[i] = inst;
    hcpTer[i] = ti;
    hcpArea[i] = area;
  }
  return { hcps, hcpInst, hcpTer, hcpArea, fitness };
}

/** `byTer`: the HCPs of each territory (MSLs cover populated ones, one each first). */
export function makeMsls(rng: Rng, n: number, byTer: number[][]): Msls {
  const mslCount = n === 0 ? 0 : Math.max(n >= 2000 ? 20 : 1, Math.round(n / 100));
  const mslWidth = Math.max(3, String(mslCount - 1).length);
  const msls: MslRecord[] = [];
  const mslTer: number[] = [];
  const mslAreas: number[][] = [];
  const populated = TERRITORIES.map((_, i) => i).filter((i) => byTer[i].length > 0);
  const mslEmails = new Map<string, number>();
  for (let m = 0; m < mslCount; m++) {
    const ti = m < populated.length ? populated[m] : populated[rng.weighted(populated.map((i) => byTer[i].length))];
    const ter = TERRITORIES[ti];
    const areas = [rng.weighted(areaWeights)];
    if (rng.chance(0.35)) {
      const second = rng.weighted(areaWeights);
      if (second !== areas[0]) areas.push(second);
    }
    const pool = NAMES[ter.names];
    const firstName = rng.pick(pool.first);
    const lastName = rng.pick(pool.last);
    const local = `${ascii(firstName)}.${ascii(lastName)}`;
    const count = (mslEmails.get(local) ?? 0) + 1;
    mslEmails.set(local, count);
    msls.push({
      id: `msl-${pad(m, mslWidth)}`,
      firstName,
      lastName,
      email: `${local}${count > 1 ? count : ''}@pharma.example`,
      territoryId: ter.id,
      therapeuticAreaIds: areas.map((a) => AREAS[a].id).sort(),
    });
    mslTer.push(ti);
    mslAreas.push(areas);
  }
  return { msls, mslTer, mslAreas };
}
