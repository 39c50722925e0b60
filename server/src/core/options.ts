import type { Level, Severity } from './types';

export const AUDIENCES = ['patient', 'general', 'clinician', 'researcher'] as const;
export type Audience = (typeof AUDIENCES)[number];

export const FINDING_CODES = ['undefined-term', 'defined-after-use', 'placeholder-link', 'undefined-abbreviation', 'inconsistent-spelling'] as const;
export type FindingCode = (typeof FINDING_CODES)[number];

export type SeveritySetting = Severity | 'off';

/** What the analysis needs to know from the user's settings. */
export interface AnalysisOptions {
  audience: Audience;
  /** Entry ids, terms or abbreviations never reported (recognised all the same). */
  ignoredTerms: readonly string[];
  severities: Readonly<Record<FindingCode, SeveritySetting>>;
}

export const DEFAULT_SEVERITIES: Readonly<Record<FindingCode, Severity>> = {
  'undefined-term': 'warning',
  'defined-after-use': 'information',
  'placeholder-link': 'warning',
  'undefined-abbreviation': 'warning',
  'inconsistent-spelling': 'information',
};

export const DEFAULT_OPTIONS: AnalysisOptions = {
  audience: 'general',
  ignoredTerms: [],
  severities: DEFAULT_SEVERITIES,
};

/**
 * Which entry levels count as jargon that must be explained, per audience.
 * Patients and the general public need technical and specialist terms explained; clinicians only
 * research vocabulary; researchers writing for researchers only abbreviations and placeholders.
 */
export const JARGON_LEVELS: Readonly<Record<Audience, readonly Level[]>> = {
  patient: ['technical', 'specialist'],
  general: ['technical', 'specialist'],
  clinician: ['specialist'],
  researcher: [],
};

/** Abbreviations are expanded for every audience except where the entry is everyday (DNA for the public). */
export const ABBREVIATION_LEVELS: Readonly<Record<Audience, readonly Level[]>> = {
  patient: ['everyday', 'technical', 'specialist'],
  general: ['technical', 'specialist'],
  clinician: ['technical', 'specialist'],
  researcher: ['specialist'],
};
