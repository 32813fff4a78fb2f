/** Words the generator picks from: interaction topics and notes, publication and trial titles, phases and statuses. */

export const TOPICS = [
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

export const NOTES = [
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
export const FIRST_YEAR = 1995;
export const LAST_YEAR = 2025;
export const PHASES = ['Phase 1', 'Phase 2', 'Phase 3', 'Phase 3', 'Phase 4'];
export const STATUSES = ['RECRUITING', 'ACTIVE_NOT_RECRUITING', 'COMPLETED', 'NOT_YET_RECRUITING', 'RECRUITING'];
export const STUDY_KINDS = [
  'a randomized phase 3 trial',
  'a real-world cohort study',
  'a systematic review',
  'a post-hoc analysis',
  'a multicentre registry',
  'a meta-analysis',
];
export const TITLE_LEADS = [
  'Outcomes of',
  'Long-term safety of',
  'Efficacy of',
  'Biomarkers predicting response to',
  'Treatment patterns in',
  'Quality of life in',
];
export const THERAPIES = [
  'targeted therapy',
  'first-line immunotherapy',
  'combination therapy',
  'early intervention',
  'maintenance treatment',
  'a novel oral agent',
];

/** How often each channel and sentiment occurs, in vocabulary order. */
export const CHANNEL_WEIGHTS = [0.35, 0.25, 0.2, 0.12, 0.08]; // IN_PERSON, VIRTUAL, EMAIL, PHONE, CONGRESS
export const SENTIMENT_WEIGHTS = [0.55, 0.35, 0.1]; // POSITIVE, NEUTRAL, NEGATIVE
