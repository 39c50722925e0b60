/**
 * Types shared by the pure engine. Offsets are half-open UTF-16 code-unit offsets into the
 * document text: `{ start: 4, end: 16 }` covers `text.slice(4, 16)`.
 */
export interface Span {
  start: number;
  end: number;
}

export type Level = 'everyday' | 'technical' | 'specialist';
export const LEVELS: readonly Level[] = ['everyday', 'technical', 'specialist'];

export const CATEGORIES = [
  'anatomy', 'biology', 'genetics', 'cancer-type', 'diagnosis', 'staging', 'pathology',
  'treatment', 'drug', 'side-effect', 'research', 'supportive-care', 'prevention', 'general',
] as const;
export type Category = (typeof CATEGORIES)[number];

/** A link to read more, already expanded to an https URL. */
export interface Source {
  url: string;
  label: string;
  /** NCI Dictionary of Cancer Terms CDR id, when the source is that dictionary. */
  nci?: number;
}

/** Where an entry was written, so that "go to definition" can open it. */
export interface EntryOrigin {
  /** File path or URI as given by the host that loaded the glossary. */
  file: string;
  /** 0-based line of the entry's first line. */
  line: number;
}

/**
 * One glossary entry after validation.
 * @example { id: 'osteosarcoma', term: 'osteosarcoma', aliases: [], abbreviations: [], short: 'a cancer that starts in bone', ... }
 */
export interface Entry {
  id: string;
  term: string;
  aliases: string[];
  abbreviations: string[];
  short: string;
  definition: string;
  level: Level;
  category: string;
  sources: Source[];
  related: string[];
  disambiguation?: string;
  origin?: EntryOrigin;
}

export type Severity = 'error' | 'warning' | 'information' | 'hint';

/** A problem found while reading a glossary or a settings file, never thrown. */
export interface Problem {
  file: string;
  message: string;
  severity: Severity;
  /** 0-based line and character of the problem inside `file`. */
  line: number;
  character: number;
  endLine?: number;
  endCharacter?: number;
}
