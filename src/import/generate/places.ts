import { NAMES } from './names';

/** Where the generated network lives: territories (US regions, EU countries) with their cities, therapeutic areas, kinds of institution. */

export interface TerritoryDef {
  id: string;
  name: string;
  region: 'US' | 'EU';
  country: string;
  /** Relative number of HCPs. */
  weight: number;
  cities: string[];
  names: keyof typeof NAMES;
}

export const TERRITORIES: TerritoryDef[] = [
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

export const NORDIC_COUNTRY: Record<string, string> = { Copenhagen: 'DK', Oslo: 'NO', Helsinki: 'FI' };

export interface AreaDef {
  id: string;
  name: string;
  weight: number;
  specialties: string[];
  conditions: string[];
  journals: string[];
}

export const AREAS: AreaDef[] = [
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

/** Kinds of institution: share of institutions, relative size, KOL factor of their HCPs. */
export const INSTITUTION_TYPES = [
  { type: 'ACADEMIC_MEDICAL_CENTER', share: 0.15, size: 8, kol: 3 },
  { type: 'COMMUNITY_HOSPITAL', share: 0.45, size: 3, kol: 1 },
  { type: 'CLINIC', share: 0.4, size: 1, kol: 0.6 },
] as const;
