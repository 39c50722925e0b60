import { ABBREVIATION_LEVELS, DEFAULT_SEVERITIES, JARGON_LEVELS, type FindingCode } from '../../options';
import type { Entry, Severity } from '../../types';
import type { Analysis, Finding, FindingData, RelatedLocation } from '../types';
import { definedAfterUse } from './defined-after-use';
import { inconsistentSpelling } from './inconsistent-spelling';
import { placeholderLink } from './placeholder-link';
import { undefinedAbbreviation } from './undefined-abbreviation';
import { undefinedTerm } from './undefined-term';

/** Where each rule is documented for writers (the `codeDescription` of a diagnostic). */
export const RULE_DOCS_BASE = 'https://github.com/oncoterm/oncoterm/blob/main/docs/rules.md#';

export interface RuleContext {
  analysis: Analysis;
  /** Entries whose terms count as jargon for the audience. */
  isJargon(entry: Entry): boolean;
  isJargonAbbreviation(entry: Entry): boolean;
  isIgnored(entry: Entry): boolean;
  report(code: FindingCode, start: number, end: number, message: string, extra?: { entry?: number; related?: RelatedLocation[] }): void;
}

export type Rule = (cx: RuleContext) => void;

/** Every rule, in the order their findings are reported. */
export const RULES: readonly { code: FindingCode; run: Rule; summary: string }[] = [
  { code: 'undefined-term', run: undefinedTerm, summary: 'first use of a term the reader was never told about' },
  { code: 'defined-after-use', run: definedAfterUse, summary: 'a term explained only after its first use' },
  { code: 'placeholder-link', run: placeholderLink, summary: 'a link whose destination is empty or #' },
  { code: 'undefined-abbreviation', run: undefinedAbbreviation, summary: 'an abbreviation used before (or without) its expansion' },
  { code: 'inconsistent-spelling', run: inconsistentSpelling, summary: 'one document mixes US and UK spellings of a term' },
];

export function runRules(analysis: Analysis): Finding[] {
  const { options, glossary, model } = analysis;
  const jargon = new Set(JARGON_LEVELS[options.audience] ?? JARGON_LEVELS.general);
  const jargonAbbreviations = new Set(ABBREVIATION_LEVELS[options.audience] ?? ABBREVIATION_LEVELS.general);
  const ignored = new Set<string>();
  for (const t of options.ignoredTerms) ignored.add(t.toLowerCase());
  for (const d of model.directives) if (d.kind === 'ignore') for (const t of d.terms) ignored.add(t.toLowerCase());
  const findings: Finding[] = [];
  const cx: RuleContext = {
    analysis,
    isJargon: (e) => jargon.has(e.level),
    isJargonAbbreviation: (e) => jargonAbbreviations.has(e.level),
    isIgnored: (e) => ignored.size > 0 && (ignored.has(e.id) || ignored.has(e.term.toLowerCase()) || e.aliases.some((a) => ignored.has(a.toLowerCase())) || e.abbreviations.some((a) => ignored.has(a.toLowerCase()))),
    report(c, start, end, message, extra = {}) {
      const setting = options.severities[c] ?? DEFAULT_SEVERITIES[c];
      if (setting === 'off') return;
      const entry = extra.entry === undefined ? undefined : glossary.entries[extra.entry];
      const data: FindingData = { code: c, start, end, ...(entry ? { entryId: entry.id } : {}) };
      findings.push({ code: c, start, end, message, severity: setting as Severity, entry: extra.entry, related: extra.related ?? [], data });
    },
  };
  for (const rule of RULES) rule.run(cx);
  return findings.sort((a, b) => a.start - b.start || a.end - b.end);
}

/** 0-based line of an offset, for messages. */
export function lineOf(text: string, offset: number): number {
  let line = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}
