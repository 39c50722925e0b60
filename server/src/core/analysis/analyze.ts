import type { Glossary } from '../glossary/glossary';
import type { TermMatch } from '../glossary/terms-index';
import type { MarkdownModel, MarkdownLink } from '../markdown/model';
import { DEFAULT_OPTIONS, type AnalysisOptions } from '../options';
import { emptyTokens, tokenizeRuns } from '../text/tokens';
import type { Span } from '../types';
import { abbreviationEvidence, findGlossarySections, isPartOfName, termEvidence } from './evidence';
import { runRules } from './rules';
import type { Analysis, Occurrence, TermUse } from './types';

/** Term matches of one prose block, in document order. */
export function matchBlock(text: string, runs: MarkdownModel['blocks'][number]['runs'], glossary: Glossary, out: TermMatch[] = []): TermMatch[] {
  const tokens = tokenizeRuns(text, runs, emptyTokens());
  return glossary.index.matchTokens(tokens, out);
}

/**
 * Analyse one document: recognise terms, find how each is explained, and report findings.
 * `blockMatches` may supply already computed matches per block (the incremental path); otherwise
 * every block is matched.
 */
export function analyzeDocument(
  text: string, model: MarkdownModel, glossary: Glossary, options: AnalysisOptions = DEFAULT_OPTIONS,
  blockMatches?: readonly (readonly TermMatch[])[],
): Analysis {
  const occurrences: Occurrence[] = [];
  const disabled = disabledRegions(model, text.length);
  model.blocks.forEach((block, b) => {
    const matches = blockMatches ? blockMatches[b] : matchBlock(text, block.runs, glossary);
    for (const m of matches) {
      const inName = m.kind === 'term' && block.kind !== 'heading' && isPartOfName(text, block, m, glossary.entries[m.entry].term);
      occurrences.push({ ...m, block: b, inHeading: block.kind === 'heading', inName, disabled: inAny(disabled, m.start) });
    }
  });
  resolveSharedAbbreviations(occurrences);
  const glossarySections = findGlossarySections(model, text.length);
  attachLinks(occurrences, model.links);
  const footnoteAt = footnoteTexts(text, model);
  const uses = new Map<number, TermUse>();
  const lastTermOf = new Map<number, number>();
  occurrences.forEach((occ, i) => {
    let use = uses.get(occ.entry);
    if (!use) {
      use = { entry: occ.entry, occurrences: [] };
      uses.set(occ.entry, use);
    }
    use.occurrences.push(i);
    const entry = glossary.entries[occ.entry];
    const block = model.blocks[occ.block];
    const link = occ.link === undefined ? undefined : model.links[occ.link];
    const inGlossary = inAny(glossarySections, occ.start);
    if (occ.kind === 'term') {
      const abbr = model.abbrTags.find((a) => a.text.start <= occ.start && occ.end <= a.text.end);
      occ.evidence = inGlossary ? { kind: 'glossary-section' } : termEvidence(text, block, occ, entry, link, footnoteAt, abbr?.title);
      if (!inGlossary && !occ.inHeading && !occ.inName && use.firstUse === undefined) use.firstUse = i;
      if (occ.evidence && use.definition === undefined) use.definition = inGlossary ? -1 : i;
      if (inGlossary) use.definition = -1;
      lastTermOf.set(occ.entry, i);
    } else {
      const previous = lastTermOf.get(occ.entry);
      const next = occurrences[i + 1];
      const termAfter = next && next.entry === occ.entry && next.kind === 'term' ? next : undefined;
      const termBefore = previous !== undefined ? occurrences[previous] : undefined;
      occ.evidence = inGlossary ? { kind: 'glossary-section' } : abbreviationEvidence(text, occ, termBefore, termAfter)
        ?? termEvidence(text, block, occ, entry, link, footnoteAt, model.abbrTags.find((a) => a.text.start <= occ.start && occ.end <= a.text.end)?.title);
      if (!inGlossary && !occ.inHeading && use.firstAbbreviation === undefined) use.firstAbbreviation = i;
      if (occ.evidence && use.expansion === undefined) use.expansion = i;
    }
  });
  const analysis: Analysis = { text, model, glossary, options, occurrences, uses, glossarySections, findings: [] };
  analysis.findings = runRules(analysis);
  return analysis;
}

/**
 * An abbreviation several entries share stands for the one whose term the document also uses
 * (`tumor microenvironment (TME)` makes every TME the tumor microenvironment); otherwise the first.
 */
function resolveSharedAbbreviations(occurrences: Occurrence[]): void {
  let termsUsed: Set<number> | undefined;
  for (const occ of occurrences) {
    if (!occ.alternatives) continue;
    termsUsed ??= new Set(occurrences.filter((o) => o.kind === 'term').map((o) => o.entry));
    const used = occ.alternatives.find((e) => termsUsed!.has(e));
    if (used !== undefined) occ.entry = used;
  }
}

function attachLinks(occurrences: Occurrence[], links: readonly MarkdownLink[]): void {
  let l = 0;
  for (const occ of occurrences) {
    while (l < links.length && links[l].text.end < occ.end) l++;
    const link = links[l];
    if (link && link.text.start <= occ.start && occ.end <= link.text.end) occ.link = l;
  }
}

/** Footnote reference start offset -> the footnote's text. */
function footnoteTexts(text: string, model: MarkdownModel): Map<number, string> {
  const out = new Map<number, string>();
  if (!model.footnoteReferences.length) return out;
  const defs = new Map(model.footnoteDefinitions.map((d) => [d.label, text.slice(d.textStart, d.end).trim()]));
  for (const ref of model.footnoteReferences) out.set(ref.start, defs.get(ref.label) ?? '');
  return out;
}

function disabledRegions(model: MarkdownModel, length: number): Span[] {
  const out: Span[] = [];
  let from: number | undefined;
  for (const d of model.directives) {
    if (d.kind === 'disable' && from === undefined) from = d.end;
    else if (d.kind === 'enable' && from !== undefined) {
      out.push({ start: from, end: d.start });
      from = undefined;
    }
  }
  if (from !== undefined) out.push({ start: from, end: length });
  return out;
}

function inAny(spans: readonly Span[], offset: number): boolean {
  for (const s of spans) if (s.start <= offset && offset < s.end) return true;
  return false;
}
