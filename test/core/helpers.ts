import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeText } from '../../server/src/core/document';
import { mergeGlossaries, type Glossary } from '../../server/src/core/glossary/glossary';
import { parseGlossary } from '../../server/src/core/glossary/parse';
import { DEFAULT_OPTIONS, type AnalysisOptions } from '../../server/src/core/options';
import type { Analysis } from '../../server/src/core/analysis/types';
import { isDisabled } from '../../server/src/core/analysis/analyze';

export const FIXTURES = join(__dirname, '..', 'fixtures');

let cached: Glossary | undefined;
/** The small test glossary in test/fixtures/glossary.yaml. */
export function testGlossary(): Glossary {
  cached ??= mergeGlossaries([parseGlossary(readFileSync(join(FIXTURES, 'glossary.yaml'), 'utf8'), 'glossary.yaml')]);
  return cached;
}

export function analyze(markdown: string, options: Partial<AnalysisOptions> = {}, glossary = testGlossary()): Analysis {
  return analyzeText(markdown, glossary, { ...DEFAULT_OPTIONS, ...options });
}

/** Findings as `code: written text`, in document order: easy to read in an assertion. */
export function findings(markdown: string, options: Partial<AnalysisOptions> = {}): string[] {
  const a = analyze(markdown, options);
  return a.findings.map((f) => `${f.code}: ${markdown.slice(f.start, f.end)}`);
}

/** Recognised occurrences as `written text -> entry id`. */
export function terms(markdown: string): string[] {
  const a = analyze(markdown);
  return a.occurrences.map((o) => `${markdown.slice(o.start, o.end)} -> ${a.glossary.entries[o.entry].id}`);
}

/** Everything a user can see of an analysis, as plain data: two analyses agree when these are deep-equal. */
export function visible(a: Analysis): unknown {
  return {
    occurrences: a.occurrences.map((o) => [o.start, o.end, o.entry, o.kind, o.evidence?.kind ?? null, o.evidence?.text ?? o.evidence?.label ?? null, o.link ? [o.link.start, o.link.destination] : null, o.inName, o.inHeading, isDisabled(a, o.start)]),
    findings: a.findings.map((f) => [f.code, f.start, f.end, f.severity, f.message, f.related.map((r) => [r.start, r.end])]),
    links: a.model.links.map((l) => [l.start, l.end, l.destination, l.placeholder]),
    footnotes: a.model.footnoteReferences.map((r) => [r.start, r.label]),
    headings: a.model.headings.map((h) => [h.start, h.end, h.level, h.text]),
    sections: a.glossarySections,
    uses: [...a.uses.values()].sort((x, y) => x.entry - y.entry),
  };
}
