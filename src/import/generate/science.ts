import { AuthorshipRecord, PublicationRecord, TrialInvestigatorRecord, TrialRecord } from '../records';
import { Groups } from './links';
import { AREAS } from './places';
import { Hcps, areaWeights } from './people';
import { Rng, Sampler } from './random';
import { FIRST_YEAR, LAST_YEAR, PHASES, STATUSES, STUDY_KINDS, THERAPIES, TITLE_LEADS } from './texts';
import { pad } from './values';

/**
 * Science: publications and clinical trials from 1995 to 2025, their authors and investigators
 * drawn mostly among the KOLs of the work's therapeutic area who are active that year (careers
 * start and end, newcomers are favoured in recent years), so influence rises and fades over time.
 */

export interface Science {
  publications: PublicationRecord[];
  authorships: AuthorshipRecord[];
  trials: TrialRecord[];
  trialInvestigators: TrialInvestigatorRecord[];
}

export function makeScience(rng: Rng, n: number, people: Hcps, groups: Groups): Science {
  const { hcps } = people;
  const { areaS, global } = groups;
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
  /**
   * Up to `size` distinct HCPs active in `year`: the first drawn by influence, each other one by
   * influence with probability `kolShare`, else uniformly.
   */
  const team = (sampler: Sampler, year: number, size: number, kolShare: number): number[] => {
    const members: number[] = [];
    for (let tries = 0; members.length < size && tries < size * 10; tries++) {
      const h = activeIn(sampler, year, members.length === 0 || rng.chance(kolShare));
      if (h >= 0 && !members.includes(h)) members.push(h);
    }
    return members;
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
    // First and last authors are usually KOLs; the middle is a mix. Everyone is active that year.
    const authors = team(sampler, year, Math.min(sampler.size, 2 + Math.min(10, Math.floor(-Math.log(1 - rng.next()) * 3))), 0.55);
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
    const people = team(sampler, startYear, Math.min(sampler.size, 3 + rng.int(10)), 0.5);
    people.forEach((h, i) =>
      trialInvestigators.push({ trialId: id, hcpId: hcps[h].id, role: i === 0 || (i < 3 && rng.chance(0.2)) ? 'PRINCIPAL' : 'SUB' }),
    );
  }
  return { publications, authorships, trials, trialInvestigators };
}
