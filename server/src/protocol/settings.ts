import { AUDIENCES, DEFAULT_SEVERITIES, FINDING_CODES, type AnalysisOptions, type Audience, type FindingCode, type SeveritySetting } from '../core/options';

/**
 * Every `oncoterm.*` setting, typed, with its default. The single source of truth for the server,
 * the CLI (`.oncoterm.yaml`) and the manifest's `contributes.configuration` (a test checks they agree).
 */
export interface Settings {
  audience: Audience;
  /** Extra glossary files (YAML, CSV or TSV), relative to the workspace folder or absolute. */
  glossaries: string[];
  ignoredTerms: string[];
  diagnostics: Record<FindingCode, { severity: SeveritySetting }>;
  inlayHints: { enabled: boolean };
  /** Language ids the server analyses. */
  languages: string[];
  /** Documents larger than this many characters are not analysed (a message says so). */
  maxDocumentSize: number;
}

export const DEFAULT_SETTINGS: Settings = {
  audience: 'general',
  glossaries: [],
  ignoredTerms: [],
  diagnostics: Object.fromEntries(FINDING_CODES.map((c) => [c, { severity: DEFAULT_SEVERITIES[c] }])) as Settings['diagnostics'],
  inlayHints: { enabled: false },
  languages: ['markdown', 'quarto', 'rmd', 'mdx'],
  maxDocumentSize: 20_000_000,
};

const SEVERITIES: readonly SeveritySetting[] = ['error', 'warning', 'information', 'hint', 'off'];

/** Descriptions shown in the VS Code settings editor, keyed by setting path. */
export const SETTING_DESCRIPTIONS: Record<string, string> = {
  audience: 'Who the document is for: decides which glossary levels count as jargon that must be explained (patient and general: technical and specialist terms; clinician: specialist terms; researcher: none, only abbreviations).',
  glossaries: 'Extra glossary files (YAML in the Oncoterm format, or CSV/TSV with term,definition,url), relative to the workspace folder. Later files override earlier ones.',
  ignoredTerms: 'Terms, abbreviations or entry ids never reported in this workspace.',
  'inlayHints.enabled': 'Show the short plain-language gloss after the first use of each unexplained term.',
  languages: 'Language ids Oncoterm analyses.',
  maxDocumentSize: 'Documents with more characters than this are not analysed.',
};

/** A problem with a raw setting, reported to the user instead of failing. */
export interface SettingProblem {
  path: string;
  message: string;
}

/**
 * Turn raw settings (from `workspace/configuration`, `.oncoterm.yaml` or the command line; `null`,
 * missing or malformed values included) into typed settings, layered over `base`.
 */
export function parseSettings(raw: unknown, base: Settings = DEFAULT_SETTINGS): { settings: Settings; problems: SettingProblem[] } {
  const problems: SettingProblem[] = [];
  const settings: Settings = structuredCloneSettings(base);
  if (raw === null || raw === undefined) return { settings, problems };
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    problems.push({ path: '', message: 'settings must be an object; using defaults' });
    return { settings, problems };
  }
  const r = raw as Record<string, unknown>;
  if (r.audience !== undefined && r.audience !== null) {
    if (AUDIENCES.includes(r.audience as Audience)) settings.audience = r.audience as Audience;
    else problems.push({ path: 'audience', message: `audience must be one of ${AUDIENCES.join(', ')}` });
  }
  const list = (key: 'glossaries' | 'ignoredTerms' | 'languages') => {
    const v = r[key];
    if (v === undefined || v === null) return;
    if (Array.isArray(v) && v.every((x) => typeof x === 'string')) settings[key] = v as string[];
    else problems.push({ path: key, message: `${key} must be a list of texts` });
  };
  list('glossaries');
  list('ignoredTerms');
  list('languages');
  const diagnostics = r.diagnostics;
  if (diagnostics && typeof diagnostics === 'object' && !Array.isArray(diagnostics)) {
    for (const [code, value] of Object.entries(diagnostics as Record<string, unknown>)) {
      if (!FINDING_CODES.includes(code as FindingCode)) {
        problems.push({ path: `diagnostics.${code}`, message: `unknown finding code ${code}` });
        continue;
      }
      const severity = typeof value === 'string' ? value : (value as { severity?: unknown } | null)?.severity;
      if (severity === undefined || severity === null) continue;
      if (SEVERITIES.includes(severity as SeveritySetting)) settings.diagnostics[code as FindingCode] = { severity: severity as SeveritySetting };
      else problems.push({ path: `diagnostics.${code}.severity`, message: `severity must be one of ${SEVERITIES.join(', ')}` });
    }
  } else if (diagnostics !== undefined && diagnostics !== null) {
    problems.push({ path: 'diagnostics', message: 'diagnostics must be an object such as { "undefined-term": { "severity": "hint" } }' });
  }
  const inlay = r.inlayHints as { enabled?: unknown } | null | undefined;
  if (inlay && typeof inlay === 'object' && typeof inlay.enabled === 'boolean') settings.inlayHints = { enabled: inlay.enabled };
  if (r.maxDocumentSize !== undefined && r.maxDocumentSize !== null) {
    if (typeof r.maxDocumentSize === 'number' && r.maxDocumentSize > 0) settings.maxDocumentSize = r.maxDocumentSize;
    else problems.push({ path: 'maxDocumentSize', message: 'maxDocumentSize must be a positive number' });
  }
  return { settings, problems };
}

function structuredCloneSettings(s: Settings): Settings {
  return {
    ...s,
    glossaries: [...s.glossaries],
    ignoredTerms: [...s.ignoredTerms],
    languages: [...s.languages],
    inlayHints: { ...s.inlayHints },
    diagnostics: Object.fromEntries(Object.entries(s.diagnostics).map(([k, v]) => [k, { ...v }])) as Settings['diagnostics'],
  };
}

/** The analysis options a set of settings implies. */
export function toAnalysisOptions(settings: Settings): AnalysisOptions {
  return {
    audience: settings.audience,
    ignoredTerms: settings.ignoredTerms,
    severities: Object.fromEntries(FINDING_CODES.map((c) => [c, settings.diagnostics[c].severity])) as Record<FindingCode, SeveritySetting>,
  };
}
