import {
  AuthorshipRecord,
  HcpLinkRecord,
  HcpRecord,
  InstitutionRecord,
  InteractionRecord,
  MslRecord,
  MslRelationshipRecord,
  NetworkData,
  PublicationRecord,
  TerritoryRecord,
  TherapeuticAreaRecord,
  TrialInvestigatorRecord,
  TrialRecord,
} from './records';
import { CHANNELS, Channel, LinkType, SENTIMENTS, Sentiment, isSymmetricLink } from '../vocabulary';

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

// ---------------------------------------------------------------------------------------------
// Randomness

/** mulberry32: small, fast, good enough for synthetic data, and identical everywhere. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Rng {
  constructor(readonly next: () => number) {}
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  between(lo: number, hi: number): number {
    return lo + this.next() * (hi - lo);
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  /** Index drawn with probability proportional to `weights`. */
  weighted(weights: readonly number[]): number {
    let total = 0;
    for (const w of weights) total += w;
    let x = this.next() * total;
    for (let i = 0; i < weights.length; i++) {
      x -= weights[i];
      if (x < 0) return i;
    }
    return weights.length - 1;
  }
}

/** Draws members of a group with probability proportional to their weight (binary search). */
class Sampler {
  private readonly cumulative: Float64Array;
  constructor(
    readonly members: readonly number[],
    weight: (member: number) => number,
  ) {
    this.cumulative = new Float64Array(members.length);
    let sum = 0;
    for (let i = 0; i < members.length; i++) {
      sum += weight(members[i]);
      this.cumulative[i] = sum;
    }
  }
  get size(): number {
    return this.members.length;
  }
  draw(rng: Rng): number {
    const c = this.cumulative;
    const x = rng.next() * c[c.length - 1];
    let lo = 0;
    let hi = c.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (c[mid] > x) hi = mid;
      else lo = mid + 1;
    }
    return this.members[lo];
  }
  uniform(rng: Rng): number {
    return this.members[rng.int(this.members.length)];
  }
}

/** A set of non-negative integers below 2^53: open addressing over a Float64Array (fast, no boxing). */
class IntSet {
  private table: Float64Array;
  private count = 0;
  constructor(capacity = 1024) {
    let size = 1024;
    while (size < capacity * 2) size *= 2;
    this.table = new Float64Array(size).fill(-1);
  }
  /** Adds `key`; false when it was already there. */
  add(key: number): boolean {
    if ((this.count + 1) * 2 > this.table.length) this.grow();
    const mask = this.table.length - 1;
    let i = IntSet.hash(key) & mask;
    for (;;) {
      const v = this.table[i];
      if (v === -1) {
        this.table[i] = key;
        this.count += 1;
        return true;
      }
      if (v === key) return false;
      i = (i + 1) & mask;
    }
  }
  private static hash(key: number): number {
    const lo = key >>> 0;
    const hi = Math.floor(key / 4294967296) >>> 0;
    let h = Math.imul(lo ^ Math.imul(hi, 0x9e3779b1), 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    return (h ^ (h >>> 16)) >>> 0;
  }
  private grow(): void {
    const old = this.table;
    this.table = new Float64Array(old.length * 2).fill(-1);
    this.count = 0;
    for (const v of old) if (v !== -1) this.add(v);
  }
}

// ---------------------------------------------------------------------------------------------
// Reference data

interface TerritoryDef {
  id: string;
  name: string;
  region: 'US' | 'EU';
  country: string;
  /** Relative number of HCPs. */
  weight: number;
  cities: string[];
  names: keyof typeof NAMES;
}

const TERRITORIES: TerritoryDef[] = [
  {
    id: 'ter-us-ne',
    name: 'US Northeast',
    region: 'US',
    country: 'US',
    weight: 10,
    cities: ['Boston', 'New York', 'Philadelphia', 'Pittsburgh', 'Baltimore', 'Providence'],
    names: 'us',
  },
  {
    id: 'ter-us-se',
    name: 'US Southeast',
    region: 'US',
    country: 'US',
    weight: 9,
    cities: ['Atlanta', 'Miami', 'Nashville', 'Charlotte', 'Durham', 'Tampa'],
    names: 'us',
  },
  {
    id: 'ter-us-mw',
    name: 'US Midwest',
    region: 'US',
    country: 'US',
    weight: 8,
    cities: ['Chicago', 'Cleveland', 'Minneapolis', 'Detroit', 'St. Louis', 'Indianapolis'],
    names: 'us',
  },
  {
    id: 'ter-us-sw',
    name: 'US Southwest',
    region: 'US',
    country: 'US',
    weight: 7,
    cities: ['Houston', 'Dallas', 'Phoenix', 'San Antonio', 'Albuquerque', 'Austin'],
    names: 'us',
  },
  {
    id: 'ter-us-w',
    name: 'US West',
    region: 'US',
    country: 'US',
    weight: 9,
    cities: ['Los Angeles', 'San Francisco', 'Seattle', 'San Diego', 'Portland', 'Denver'],
    names: 'us',
  },
  {
    id: 'ter-eu-uk',
    name: 'United Kingdom',
    region: 'EU',
    country: 'GB',
    weight: 5,
    cities: ['London', 'Manchester', 'Birmingham', 'Edinburgh', 'Oxford', 'Cambridge'],
    names: 'uk',
  },
  {
    id: 'ter-eu-de',
    name: 'Germany',
    region: 'EU',
    country: 'DE',
    weight: 6,
    cities: ['Berlin', 'Munich', 'Hamburg', 'Heidelberg', 'Cologne', 'Frankfurt'],
    names: 'de',
  },
  {
    id: 'ter-eu-fr',
    name: 'France',
    region: 'EU',
    country: 'FR',
    weight: 5,
    cities: ['Paris', 'Lyon', 'Marseille', 'Toulouse', 'Bordeaux', 'Lille'],
    names: 'fr',
  },
  {
    id: 'ter-eu-it',
    name: 'Italy',
    region: 'EU',
    country: 'IT',
    weight: 4,
    cities: ['Milan', 'Rome', 'Bologna', 'Turin', 'Naples', 'Florence'],
    names: 'it',
  },
  {
    id: 'ter-eu-es',
    name: 'Spain',
    region: 'EU',
    country: 'ES',
    weight: 4,
    cities: ['Madrid', 'Barcelona', 'Valencia', 'Seville', 'Bilbao', 'Zaragoza'],
    names: 'es',
  },
  {
    id: 'ter-eu-nl',
    name: 'Netherlands',
    region: 'EU',
    country: 'NL',
    weight: 2,
    cities: ['Amsterdam', 'Rotterdam', 'Utrecht', 'Leiden', 'Groningen', 'Nijmegen'],
    names: 'nl',
  },
  {
    id: 'ter-eu-nordics',
    name: 'Nordics',
    region: 'EU',
    country: 'SE',
    weight: 2,
    cities: ['Stockholm', 'Copenhagen', 'Oslo', 'Helsinki', 'Gothenburg', 'Uppsala'],
    names: 'nordic',
  },
];

const NORDIC_COUNTRY: Record<string, string> = { Copenhagen: 'DK', Oslo: 'NO', Helsinki: 'FI' };

interface AreaDef {
  id: string;
  name: string;
  weight: number;
  specialties: string[];
  conditions: string[];
  journals: string[];
}

const AREAS: AreaDef[] = [
  {
    id: 'ta-onc',
    name: 'Oncology',
    weight: 10,
    specialties: ['Medical Oncology', 'Hematology', 'Radiation Oncology', 'Surgical Oncology'],
    conditions: [
      'non-small cell lung cancer',
      'metastatic breast cancer',
      'multiple myeloma',
      'colorectal cancer',
      'diffuse large B-cell lymphoma',
    ],
    journals: ['Journal of Clinical Oncology', 'The Lancet Oncology', 'JAMA Oncology', 'Annals of Oncology'],
  },
  {
    id: 'ta-card',
    name: 'Cardiology',
    weight: 7,
    specialties: ['Cardiology', 'Interventional Cardiology', 'Electrophysiology'],
    conditions: ['heart failure with reduced ejection fraction', 'atrial fibrillation', 'hypertension', 'coronary artery disease'],
    journals: ['Circulation', 'European Heart Journal', 'JACC', 'Heart'],
  },
  {
    id: 'ta-neuro',
    name: 'Neurology',
    weight: 6,
    specialties: ['Neurology', 'Movement Disorders', 'Neuro-immunology'],
    conditions: ['relapsing multiple sclerosis', "Parkinson's disease", 'migraine', "early Alzheimer's disease"],
    journals: ['The Lancet Neurology', 'Neurology', 'Brain', 'JAMA Neurology'],
  },
  {
    id: 'ta-immu',
    name: 'Immunology',
    weight: 6,
    specialties: ['Rheumatology', 'Dermatology', 'Gastroenterology'],
    conditions: ['rheumatoid arthritis', 'plaque psoriasis', "Crohn's disease", 'ulcerative colitis', 'atopic dermatitis'],
    journals: ['Annals of the Rheumatic Diseases', "Journal of Crohn's and Colitis", 'JAAD', 'Arthritis & Rheumatology'],
  },
  {
    id: 'ta-resp',
    name: 'Respiratory',
    weight: 4,
    specialties: ['Pulmonology', 'Allergy and Immunology'],
    conditions: ['severe asthma', 'COPD', 'idiopathic pulmonary fibrosis'],
    journals: ['American Journal of Respiratory and Critical Care Medicine', 'European Respiratory Journal', 'Thorax'],
  },
  {
    id: 'ta-endo',
    name: 'Endocrinology',
    weight: 5,
    specialties: ['Endocrinology', 'Diabetology', 'Internal Medicine'],
    conditions: ['type 2 diabetes', 'obesity', 'type 1 diabetes', 'thyroid eye disease'],
    journals: ['Diabetes Care', 'The Lancet Diabetes & Endocrinology', 'Diabetologia'],
  },
  {
    id: 'ta-rare',
    name: 'Rare Diseases',
    weight: 2,
    specialties: ['Medical Genetics', 'Pediatrics', 'Metabolic Medicine'],
    conditions: ['spinal muscular atrophy', 'Fabry disease', 'hemophilia A', 'transthyretin amyloidosis'],
    journals: ['Orphanet Journal of Rare Diseases', 'Genetics in Medicine', 'Molecular Genetics and Metabolism'],
  },
  {
    id: 'ta-id',
    name: 'Infectious Diseases',
    weight: 3,
    specialties: ['Infectious Diseases', 'Clinical Microbiology'],
    conditions: ['HIV-1 infection', 'chronic hepatitis B', 'RSV in older adults', 'invasive fungal infections'],
    journals: ['Clinical Infectious Diseases', 'The Lancet Infectious Diseases', 'Journal of Infectious Diseases'],
  },
];

const NAMES = {
  us: {
    first: [
      'James',
      'Mary',
      'Robert',
      'Patricia',
      'Michael',
      'Jennifer',
      'David',
      'Linda',
      'William',
      'Elizabeth',
      'Richard',
      'Susan',
      'Joseph',
      'Jessica',
      'Thomas',
      'Sarah',
      'Daniel',
      'Karen',
      'Priya',
      'Wei',
      'Carlos',
      'Aisha',
      'Kevin',
      'Emily',
      'Rajesh',
      'Mei',
      'Andrew',
      'Rachel',
      'Samuel',
      'Grace',
      'Omar',
      'Hannah',
    ],
    last: [
      'Smith',
      'Johnson',
      'Williams',
      'Brown',
      'Jones',
      'Garcia',
      'Miller',
      'Davis',
      'Rodriguez',
      'Martinez',
      'Hernandez',
      'Lopez',
      'Wilson',
      'Anderson',
      'Thomas',
      'Taylor',
      'Moore',
      'Jackson',
      'Lee',
      'Patel',
      'Chen',
      'Nguyen',
      'Kim',
      'Shah',
      'Cohen',
      "O'Brien",
      'Walker',
      'Young',
      'Allen',
      'King',
      'Wright',
      'Scott',
    ],
  },
  uk: {
    first: [
      'Oliver',
      'Amelia',
      'George',
      'Isla',
      'Harry',
      'Olivia',
      'Jack',
      'Emily',
      'Charlie',
      'Sophie',
      'Thomas',
      'Lucy',
      'Alistair',
      'Fiona',
      'Rhys',
      'Siobhan',
      'Arjun',
      'Anjali',
      'Edward',
      'Charlotte',
    ],
    last: [
      'Smith',
      'Jones',
      'Taylor',
      'Brown',
      'Williams',
      'Wilson',
      'Evans',
      'Davies',
      'Thomas',
      'Roberts',
      'Campbell',
      'Stewart',
      'MacDonald',
      'Hughes',
      'Khan',
      'Singh',
      'Wright',
      'Hall',
      'Green',
      'Clarke',
    ],
  },
  de: {
    first: [
      'Lukas',
      'Anna',
      'Maximilian',
      'Sophie',
      'Felix',
      'Marie',
      'Jonas',
      'Lena',
      'Tobias',
      'Katharina',
      'Stefan',
      'Julia',
      'Matthias',
      'Sabine',
      'Andreas',
      'Claudia',
      'Jürgen',
      'Ulrike',
    ],
    last: [
      'Müller',
      'Schmidt',
      'Schneider',
      'Fischer',
      'Weber',
      'Meyer',
      'Wagner',
      'Becker',
      'Schulz',
      'Hoffmann',
      'Koch',
      'Richter',
      'Klein',
      'Wolf',
      'Schröder',
      'Neumann',
      'Zimmermann',
      'Braun',
    ],
  },
  fr: {
    first: [
      'Jean',
      'Marie',
      'Pierre',
      'Camille',
      'Louis',
      'Chloé',
      'Antoine',
      'Léa',
      'Nicolas',
      'Manon',
      'François',
      'Élise',
      'Julien',
      'Claire',
      'Mathieu',
      'Inès',
    ],
    last: [
      'Martin',
      'Bernard',
      'Dubois',
      'Thomas',
      'Robert',
      'Richard',
      'Petit',
      'Durand',
      'Leroy',
      'Moreau',
      'Simon',
      'Laurent',
      'Lefèvre',
      'Michel',
      'Garnier',
      'Rousseau',
    ],
  },
  it: {
    first: [
      'Marco',
      'Giulia',
      'Alessandro',
      'Francesca',
      'Luca',
      'Chiara',
      'Matteo',
      'Sara',
      'Giovanni',
      'Elena',
      'Davide',
      'Valentina',
      'Stefano',
      'Federica',
    ],
    last: [
      'Rossi',
      'Russo',
      'Ferrari',
      'Esposito',
      'Bianchi',
      'Romano',
      'Colombo',
      'Ricci',
      'Marino',
      'Greco',
      'Bruno',
      'Gallo',
      'Conti',
      'De Luca',
    ],
  },
  es: {
    first: [
      'Javier',
      'María',
      'Carlos',
      'Lucía',
      'Alejandro',
      'Carmen',
      'Pablo',
      'Laura',
      'Sergio',
      'Marta',
      'Diego',
      'Paula',
      'Rafael',
      'Elena',
    ],
    last: [
      'García',
      'Fernández',
      'González',
      'Rodríguez',
      'López',
      'Martínez',
      'Sánchez',
      'Pérez',
      'Gómez',
      'Martín',
      'Jiménez',
      'Ruiz',
      'Alvarez',
      'Navarro',
    ],
  },
  nl: {
    first: ['Daan', 'Emma', 'Sem', 'Julia', 'Lucas', 'Sophie', 'Bram', 'Anouk', 'Thijs', 'Femke', 'Joost', 'Marloes'],
    last: [
      'de Jong',
      'Jansen',
      'de Vries',
      'van den Berg',
      'van Dijk',
      'Bakker',
      'Janssen',
      'Visser',
      'Smit',
      'Meijer',
      'de Boer',
      'Mulder',
    ],
  },
  nordic: {
    first: ['Erik', 'Anna', 'Lars', 'Ingrid', 'Mikael', 'Sofia', 'Johan', 'Maja', 'Anders', 'Freja', 'Mikko', 'Aino', 'Henrik', 'Sigrid'],
    last: [
      'Johansson',
      'Andersson',
      'Karlsson',
      'Nilsson',
      'Eriksson',
      'Larsen',
      'Hansen',
      'Jensen',
      'Nielsen',
      'Virtanen',
      'Korhonen',
      'Lindqvist',
      'Berg',
      'Haugen',
    ],
  },
};

const INSTITUTION_TYPES = [
  { type: 'ACADEMIC_MEDICAL_CENTER', share: 0.15, size: 8, kol: 3 },
  { type: 'COMMUNITY_HOSPITAL', share: 0.45, size: 3, kol: 1 },
  { type: 'CLINIC', share: 0.4, size: 1, kol: 0.6 },
] as const;

const TOPICS = [
  'efficacy data',
  'safety profile',
  'dosing',
  'patient selection',
  'unmet need',
  'trial enrollment',
  'real-world evidence',
  'congress highlights',
  'guideline update',
  'biomarker testing',
  'access and reimbursement',
  'investigator-initiated study',
];

const NOTES = [
  'Interested in the subgroup analysis; asked for the full data set.',
  'Raised questions on long-term safety, follow up with the medical information team.',
  'Would consider referring eligible patients to the study site.',
  'Prefers short, data-focused meetings; "no slides" please.',
  'Discussed the updated guideline, agrees with the new positioning.',
  'Concerned about access in community settings, cost, and prior authorization.',
  'Asked to be introduced to the principal investigator.',
  'Open to speaking at the regional advisory board.',
];

/** Years of the generated publications and trials: three decades of output. */
const FIRST_YEAR = 1995;
const LAST_YEAR = 2025;
const PHASES = ['Phase 1', 'Phase 2', 'Phase 3', 'Phase 3', 'Phase 4'];
const STATUSES = ['RECRUITING', 'ACTIVE_NOT_RECRUITING', 'COMPLETED', 'NOT_YET_RECRUITING', 'RECRUITING'];
const STUDY_KINDS = [
  'a randomized phase 3 trial',
  'a real-world cohort study',
  'a systematic review',
  'a post-hoc analysis',
  'a multicentre registry',
  'a meta-analysis',
];
const TITLE_LEADS = [
  'Outcomes of',
  'Long-term safety of',
  'Efficacy of',
  'Biomarkers predicting response to',
  'Treatment patterns in',
  'Quality of life in',
];
const THERAPIES = [
  'targeted therapy',
  'first-line immunotherapy',
  'combination therapy',
  'early intervention',
  'maintenance treatment',
  'a novel oral agent',
];

// ---------------------------------------------------------------------------------------------

const MS_PER_DAY = 86400000;

function toIsoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

function ascii(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ß/g, 'ss')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');
}

function round3(x: number): number {
  return Math.min(1, Math.max(0.001, Math.round(x * 1000) / 1000));
}

const LINK_MIX: { type: LinkType; share: number }[] = [
  { type: 'COAUTHOR', share: 0.35 },
  { type: 'COLLEAGUE', share: 0.25 },
  { type: 'CO_INVESTIGATOR', share: 0.15 },
  { type: 'REFERRAL', share: 0.15 },
  { type: 'MENTOR', share: 0.1 },
];

const CHANNEL_WEIGHTS = [0.35, 0.25, 0.2, 0.12, 0.08]; // IN_PERSON, VIRTUAL, EMAIL, PHONE, CONGRESS
const SENTIMENT_WEIGHTS = [0.55, 0.35, 0.1]; // POSITIVE, NEUTRAL, NEGATIVE

export function generateNetwork(options: GenerateOptions): NetworkData {
  const n = Math.max(0, Math.floor(options.hcps));
  const rng = new Rng(seededRandom(options.seed ?? 42));
  const linksPerHcp = options.linksPerHcp ?? 10;
  const today = Date.parse(`${options.referenceDate ?? '2025-06-30'}T00:00:00Z`);
  if (!Number.isFinite(today)) throw new Error(`invalid referenceDate ${options.referenceDate}`);

  // Territories and therapeutic areas ---------------------------------------------------------
  const territories: TerritoryRecord[] = TERRITORIES.map((t) => ({ id: t.id, name: t.name, region: t.region }));
  const therapeuticAreas: TherapeuticAreaRecord[] = AREAS.map((a) => ({ id: a.id, name: a.name }));

  // Institutions ------------------------------------------------------------------------------
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

  // HCPs --------------------------------------------------------------------------------------
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
  const areaWeights = AREAS.map((a) => a.weight);
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

  // Groups and samplers -----------------------------------------------------------------------
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

  // Links -------------------------------------------------------------------------------------
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
          ? terOr(terAreaS[ta], areaS[hcpArea[a]]).draw(rng)
          : rng.chance(0.85)
            ? areaS[hcpArea[a]]!.draw(rng)
            : global.draw(rng);
        weight = 0.3 + 0.6 * rng.next() * (0.5 + 0.5 * kolBias(b));
        break;
      case 'CO_INVESTIGATOR':
        b = rng.chance(0.5) ? terOr(terAreaS[ta], areaS[hcpArea[a]]).draw(rng) : areaS[hcpArea[a]]!.draw(rng);
        weight = rng.between(0.3, 0.9);
        break;
      case 'COLLEAGUE':
        b = byInst[hcpInst[a]].length > 1 && rng.chance(0.8) ? instS[hcpInst[a]]!.uniform(rng) : terS[hcpTer[a]]!.uniform(rng);
        weight = rng.between(0.2, 0.8);
        break;
      case 'MENTOR':
        // A senior (influential) clinician and a junior one, usually at the same place.
        a =
          byInst[hcpInst[a]].length > 1 && rng.chance(0.6) ? instS[hcpInst[a]]!.draw(rng) : terOr(terAreaS[ta], terS[hcpTer[a]]).draw(rng);
        b = byInst[hcpInst[a]].length > 1 && rng.chance(0.6) ? instS[hcpInst[a]]!.uniform(rng) : terS[hcpTer[a]]!.uniform(rng);
        weight = rng.between(0.5, 1);
        break;
      default: {
        // REFERRAL: community physicians refer to specialists (KOLs) of their territory.
        const ti = hcpTer[a];
        a = rng.pick(referrers[ti]);
        const tb = hcpTer[a] * AREAS.length + hcpArea[a];
        b = rng.chance(0.7) ? terOr(terAreaS[tb], terS[ti]).draw(rng) : terS[ti]!.draw(rng);
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

  // MSLs --------------------------------------------------------------------------------------
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

  // MSL relationships and interactions ---------------------------------------------------------
  const mslRelationships: MslRelationshipRecord[] = [];
  const interactions: InteractionRecord[] = [];
  const interactionRaw: Omit<InteractionRecord, 'id'>[] = [];
  const day = (ms: number) => Math.floor(ms / MS_PER_DAY) * MS_PER_DAY;
  const addInteraction = (mslId: string, hcp: number, from: number) => {
    const dateMs = day(rng.between(from, today));
    const k = interactionRaw.length;
    // The first interactions walk through every channel and sentiment.
    const channel: Channel = k < CHANNELS.length ? CHANNELS[k] : CHANNELS[rng.weighted(CHANNEL_WEIGHTS)];
    const sentiment: Sentiment = k < SENTIMENTS.length ? SENTIMENTS[k] : SENTIMENTS[rng.weighted(SENTIMENT_WEIGHTS)];
    interactionRaw.push({
      mslId,
      hcpId: hcps[hcp].id,
      date: toIsoDate(dateMs),
      channel,
      topic: rng.chance(0.95) ? rng.pick(TOPICS) : null,
      sentiment,
      notes: rng.chance(0.5) ? rng.pick(NOTES) : null,
    });
  };
  for (let m = 0; m < mslCount; m++) {
    const ti = mslTer[m];
    const known = new Set<number>();
    const size = Math.min(byTer[ti].length, Math.round(rng.between(15, 45)));
    for (let tries = 0; known.size < size && tries < size * 10; tries++) {
      const area = rng.pick(mslAreas[m]);
      const s = terAreaS[ti * AREAS.length + area];
      const h = s && rng.chance(0.65) ? s.draw(rng) : rng.chance(0.5) ? terS[ti]!.draw(rng) : terS[ti]!.uniform(rng);
      known.add(h);
    }
    for (const h of [...known].sort((x, y) => x - y)) {
      const sinceMs = day(today - rng.between(30, 1500) * MS_PER_DAY);
      mslRelationships.push({
        mslId: msls[m].id,
        hcpId: hcps[h].id,
        strength: round3(rng.between(0.15, 0.95)),
        since: toIsoDate(sinceMs),
      });
      if (rng.chance(0.75)) {
        const count = 1 + Math.min(7, Math.floor(-Math.log(1 - rng.next()) * 2));
        for (let c = 0; c < count; c++) addInteraction(msls[m].id, h, Math.max(sinceMs, today - 540 * MS_PER_DAY));
      }
    }
    // A few first contacts with HCPs the MSL has no relationship with yet.
    const extra = Math.round(rng.between(0, 3));
    for (let e = 0; e < extra && byTer[ti].length > 0; e++) {
      const h = terS[ti]!.uniform(rng);
      if (!known.has(h)) addInteraction(msls[m].id, h, today - 180 * MS_PER_DAY);
    }
  }
  const intWidth = Math.max(6, String(Math.max(0, interactionRaw.length - 1)).length);
  interactionRaw.forEach((raw, k) => {
    const id = `int-${pad(k, intWidth)}`;
    interactions.push({ id, ...raw });
  });

  // Careers: when each HCP publishes and investigates ------------------------------------------
  // Most HCPs are active from some year in 1995..2012 to today; a fifth are seniors whose output
  // stops between 2008 and 2018 (their influence fades), a fifth newcomers who start in 2015..2022
  // and are favoured as authors of recent work (their influence grows).
  const careers = hcps.map(() => {
    const kind = rng.next();
    if (kind < 0.2) return { from: FIRST_YEAR + rng.int(6), to: 2008 + rng.int(11), newcomer: false };
    if (kind < 0.4) return { from: 2015 + rng.int(8), to: LAST_YEAR, newcomer: true };
    return { from: FIRST_YEAR + rng.int(18), to: LAST_YEAR, newcomer: false };
  });
  /** A year for a work: later years more likely (output grows over the decades). */
  const workYear = () => LAST_YEAR - Math.floor((LAST_YEAR - FIRST_YEAR + 1) * (1 - Math.sqrt(rng.next())));
  /** Draws an HCP active in `year` from the sampler (KOL-weighted or uniform), newcomers favoured in recent years; -1 if none found. */
  const activeIn = (sampler: Sampler, year: number, weighted: boolean): number => {
    for (let tries = 0; tries < 20; tries++) {
      const h = weighted ? sampler.draw(rng) : sampler.uniform(rng);
      const career = careers[h];
      if (year < career.from || year > career.to) continue;
      if (year >= 2015 && !career.newcomer && rng.chance(0.35)) continue;
      return h;
    }
    return -1;
  };

  // Publications and authorships --------------------------------------------------------------
  const publications: PublicationRecord[] = [];
  const authorships: AuthorshipRecord[] = [];
  const pubCount = n === 0 ? 0 : Math.max(1, Math.round(n / 8));
  const pubWidth = Math.max(5, String(pubCount - 1).length);
  for (let p = 0; p < pubCount; p++) {
    const area = rng.weighted(areaWeights);
    const def = AREAS[area];
    const sampler = areaS[area] ?? global!;
    const id = `pub-${pad(p, pubWidth)}`;
    const year = workYear();
    publications.push({
      id,
      title: `${rng.pick(TITLE_LEADS)} ${rng.pick(THERAPIES)} in ${rng.pick(def.conditions)}: ${rng.pick(STUDY_KINDS)}`,
      year,
      journal: rng.pick(def.journals),
      therapeuticAreaId: def.id,
    });
    const authors: number[] = [];
    const size = Math.min(sampler.size, 2 + Math.min(10, Math.floor(-Math.log(1 - rng.next()) * 3)));
    for (let tries = 0; authors.length < size && tries < size * 10; tries++) {
      // First and last authors are usually KOLs; the middle is a mix. Everyone is active that year.
      const h = activeIn(sampler, year, authors.length === 0 || rng.chance(0.55));
      if (h >= 0 && !authors.includes(h)) authors.push(h);
    }
    authors.forEach((h, i) => authorships.push({ publicationId: id, hcpId: hcps[h].id, position: i + 1 }));
  }

  // Trials and investigators ------------------------------------------------------------------
  const trials: TrialRecord[] = [];
  const trialInvestigators: TrialInvestigatorRecord[] = [];
  const trialCount = n === 0 ? 0 : Math.max(1, Math.round(n / 80));
  const trialWidth = Math.max(4, String(trialCount - 1).length);
  for (let t = 0; t < trialCount; t++) {
    const area = rng.weighted(areaWeights);
    const def = AREAS[area];
    const sampler = areaS[area] ?? global!;
    const id = `trial-${pad(t, trialWidth)}`;
    const acronym = String.fromCharCode(65 + rng.int(26), 65 + rng.int(26), 65 + rng.int(26), 65 + rng.int(26));
    const startYear = workYear();
    trials.push({
      id,
      title: `${acronym}: ${rng.pick(THERAPIES)} versus standard of care in ${rng.pick(def.conditions)}`,
      phase: rng.pick(PHASES),
      status: rng.pick(STATUSES),
      therapeuticAreaId: def.id,
      startYear,
    });
    const people: number[] = [];
    const size = Math.min(sampler.size, 3 + rng.int(10));
    for (let tries = 0; people.length < size && tries < size * 10; tries++) {
      const h = activeIn(sampler, startYear, people.length === 0 || rng.chance(0.5));
      if (h >= 0 && !people.includes(h)) people.push(h);
    }
    people.forEach((h, i) =>
      trialInvestigators.push({ trialId: id, hcpId: hcps[h].id, role: i === 0 || (i < 3 && rng.chance(0.2)) ? 'PRINCIPAL' : 'SUB' }),
    );
  }

  return {
    territories,
    therapeuticAreas,
    institutions,
    hcps,
    hcpLinks,
    msls,
    mslRelationships,
    interactions,
    publications,
    authorships,
    trials,
    trialInvestigators,
  };
}

/** The narrower sampler when it has members, else the fallback. */
function terOr(narrow: Sampler | null, fallback: Sampler | null): Sampler {
  return narrow && narrow.size > 1 ? narrow : fallback!;
}
