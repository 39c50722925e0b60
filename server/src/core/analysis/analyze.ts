import type { Tree } from '@lezer/common';
import type { Glossary } from '../glossary/glossary';
import type { TermMatch } from '../glossary/terms-index';
import type { BlockModel } from '../markdown/parse';
import { joinBlockModels, topLevelBlockModels } from '../markdown/parse';
import type { DocumentModel, MarkdownLink, ProseBlock } from '../markdown/model';
import { DEFAULT_OPTIONS, type AnalysisOptions } from '../options';
import { emptyTokens, tokenizeRuns } from '../text/tokens';
import type { Span } from '../types';
import { abbreviationEvidence, findGlossarySections, isPartOfName, termEvidence } from './evidence';
import { runRules } from './rules';
import type { Analysis, Evidence, Occurrence, TermUse } from './types';

/** Term matches of one prose block, in document order. */
export function matchBlock(text: string, block: ProseBlock, glossary: Glossary, out: TermMatch[] = []): TermMatch[] {
  return glossary.index.matchTokens(tokenizeRuns(text, block.runs, emptyTokens()), out);
}

/** What one top-level block contributes to one entry, as indices into the block's occurrences. */
interface EntrySummary {
  count: number;
  /** First term-form occurrence outside headings and names. */
  firstTerm?: number;
  firstTermAny?: number;
  firstDefinition?: number;
  firstAbbreviation?: number;
  firstAbbreviationAny?: number;
  firstExpansion?: number;
  us: number;
  uk: number;
  firstUs?: number;
  firstUk?: number;
}

/**
 * One top-level block analysed on its own: its structure, its term occurrences, the evidence around
 * each and a per-entry summary: everything that depends only on the block's text. The incremental
 * path caches it while the block is unchanged.
 */
export interface BlockAnalysis {
  model: BlockModel;
  occurrences: Occurrence[];
  summary: Map<number, EntrySummary>;
  /** Occurrences whose meaning depends on the rest of the document (shared abbreviations, reference links). */
  global: number[];
  /** For those in reference links: how the block explains them apart from the link (which may not resolve). */
  localEvidence: Map<number, Evidence | undefined>;
}

function summaryOf(map: Map<number, EntrySummary>, entry: number): EntrySummary {
  let s = map.get(entry);
  if (!s) {
    s = { count: 0, us: 0, uk: 0 };
    map.set(entry, s);
  }
  return s;
}

function note(s: EntrySummary, occ: Occurrence, i: number, evidence: Evidence | undefined): void {
  s.count++;
  if (occ.spelling === 1) {
    s.us++;
    s.firstUs ??= i;
  } else if (occ.spelling === 2) {
    s.uk++;
    s.firstUk ??= i;
  }
  if (occ.kind === 'term') {
    s.firstTermAny ??= i;
    if (!occ.inHeading && !occ.inName && !occ.inExplanation) s.firstTerm ??= i;
    if (evidence) s.firstDefinition ??= i;
  } else {
    s.firstAbbreviationAny ??= i;
    if (!occ.inHeading && !occ.inExplanation) s.firstAbbreviation ??= i;
    if (evidence) s.firstExpansion ??= i;
  }
}

export function analyzeBlock(text: string, model: BlockModel, glossary: Glossary): BlockAnalysis {
  const result: BlockAnalysis = { model, occurrences: [], summary: new Map(), global: [], localEvidence: new Map() };
  const footnoteAt = new Map<number, string>();
  for (const ref of model.footnoteReferences) footnoteAt.set(ref.start, ref.label);
  const pendingLinks = new Set(model.pending.map((p) => p.link));
  const links = pendingLinks.size ? model.links.concat([...pendingLinks]).sort((a, b) => a.start - b.start) : model.links;
  const matches: TermMatch[] = [];
  for (const block of model.blocks) {
    matches.length = 0;
    matchBlock(text, block, glossary, matches);
    const first = result.occurrences.length;
    let explanationEnd = -1;
    for (let m = 0; m < matches.length; m++) {
      const match = matches[m];
      const entry = glossary.entries[match.entry];
      const inHeading = block.kind === 'heading';
      const inName = match.kind === 'term' && !inHeading && isPartOfName(text, block, match, entry.term);
      let link: MarkdownLink | undefined;
      for (const l of links) if (l.text.start <= match.start && match.end <= l.text.end) link = l;
      // A reference link explains a term only if its definition exists somewhere: decided when the document is assembled.
      const local = link && pendingLinks.has(link) ? { ...link, placeholder: true } : link;
      const occ: Occurrence = { start: match.start, end: match.end, entry: match.entry, kind: match.kind, spelling: match.spelling, alternatives: match.alternatives, inHeading, inName, link, evidence: undefined };
      let evidence: Evidence | undefined;
      const abbrTitle = () => model.abbrTags.find((a) => a.text.start <= match.start && match.end <= a.text.end)?.title;
      if (match.kind === 'term') {
        // Everyday words are never reported, so how they are explained does not matter.
        if (entry.level !== 'everyday' || link) evidence = termEvidence(text, block, match, entry, local, footnoteAt, model.abbrTags.length ? abbrTitle() : undefined);
      } else {
        const candidates = match.alternatives ?? [match.entry];
        let termBefore: Occurrence | undefined;
        for (let k = result.occurrences.length - 1; k >= first; k--) {
          const o = result.occurrences[k];
          if (o.kind === 'term' && candidates.includes(o.entry)) {
            termBefore = o;
            break;
          }
        }
        const next = matches[m + 1];
        const termAfter = next && next.kind === 'term' && candidates.includes(next.entry) ? next : undefined;
        evidence = abbreviationEvidence(text, match, termBefore, termAfter) ?? termEvidence(text, block, match, entry, local, footnoteAt, model.abbrTags.length ? abbrTitle() : undefined);
      }
      occ.evidence = evidence;
      if (match.start < explanationEnd) occ.inExplanation = true;
      if (evidence?.end !== undefined && evidence.end > explanationEnd) explanationEnd = evidence.end;
      const index = result.occurrences.length;
      result.occurrences.push(occ);
      if (link && pendingLinks.has(link)) result.localEvidence.set(index, evidence);
      if (match.alternatives || (link && pendingLinks.has(link))) result.global.push(index);
      else note(summaryOf(result.summary, match.entry), occ, index, evidence);
    }
  }
  return result;
}

/** Move a block analysis by `delta` characters (its model is moved by `shiftBlockModel`). */
export function shiftBlockAnalysis(part: BlockAnalysis, delta: number): void {
  if (!delta) return;
  for (const o of part.occurrences) {
    o.start += delta;
    o.end += delta;
  }
}

const min = (a: number | undefined, b: number | undefined): number | undefined => (a === undefined ? b : b === undefined ? a : Math.min(a, b));

/**
 * Analyse a whole document from its blocks: document-order facts (first uses, where each term is
 * explained, glossary sections, directives) and findings. Its cost grows with the number of
 * blocks and of distinct terms per block, not with the number of occurrences.
 */
export function assembleAnalysis(text: string, parts: readonly BlockAnalysis[], glossary: Glossary, options: AnalysisOptions = DEFAULT_OPTIONS): Analysis {
  const model = joinBlockModels(parts.map((p) => p.model));
  let total = 0;
  for (let p = 0; p < parts.length; p++) total += parts[p].occurrences.length;
  const occurrences: Occurrence[] = new Array(total);
  let filled = 0;
  const glossarySections = findGlossarySections(model, text.length);
  const disabled = disabledRegions(model, text.length);
  const uses = new Map<number, TermUse>();
  const useOf = (entry: number): TermUse => {
    let use = uses.get(entry);
    if (!use) {
      use = { entry, count: 0, us: 0, uk: 0 };
      uses.set(entry, use);
    }
    return use;
  };
  const termsUsed = new Set<number>();
  const deferred: { part: BlockAnalysis; base: number; inGlossary: boolean }[] = [];
  for (const part of parts) {
    const base = filled;
    const list = part.occurrences;
    for (let i = 0; i < list.length; i++) occurrences[filled++] = list[i];
    const inGlossary = glossarySections.length > 0 && inAny(glossarySections, part.model.from);
    if (part.global.length) deferred.push({ part, base, inGlossary });
    for (const [entry, s] of part.summary) {
      if (s.firstTermAny !== undefined) termsUsed.add(entry);
      mergeSummary(useOf(entry), s, base, inGlossary);
    }
  }
  // Occurrences that depend on the whole document come last; `min` keeps "first" right whatever the order.
  for (const { part, base, inGlossary } of deferred) {
    for (const local of part.global) {
      const occ = part.occurrences[local];
      if (occ.alternatives) occ.entry = occ.alternatives.find((e) => termsUsed.has(e)) ?? occ.alternatives[0];
      if (occ.link && part.model.pending.some((p) => p.link === occ.link)) {
        const resolved = model.links.includes(occ.link);
        occ.evidence = resolved && !occ.link.placeholder ? { kind: 'link', text: occ.link.destination } : part.localEvidence.get(local);
      }
      const s: EntrySummary = { count: 0, us: 0, uk: 0 };
      note(s, occ, 0, occ.evidence);
      mergeSummary(useOf(occ.entry), s, base + local, inGlossary);
    }
  }
  const analysis: Analysis = { text, model, glossary, options, occurrences, uses, glossarySections, disabled, findings: [] };
  analysis.findings = runRules(analysis);
  return analysis;
}

/**
 * Add what one block (or one occurrence) says about an entry to the document's use of it. `base`
 * turns the summary's block-local indices into document indices; "first" is the minimum, so the
 * order of merging does not matter. A Glossary section explains the term for the whole document.
 */
function mergeSummary(use: TermUse, s: EntrySummary, base: number, inGlossary: boolean): void {
  use.count += s.count;
  use.us += s.us;
  use.uk += s.uk;
  if (s.firstUs !== undefined) use.firstUs = min(use.firstUs, base + s.firstUs);
  if (s.firstUk !== undefined) use.firstUk = min(use.firstUk, base + s.firstUk);
  if (inGlossary) {
    if (s.firstTermAny !== undefined) use.definition = -1;
    if (s.firstAbbreviationAny !== undefined) use.expansion = min(use.expansion, base + s.firstAbbreviationAny);
    return;
  }
  if (s.firstTerm !== undefined) use.firstUse = min(use.firstUse, base + s.firstTerm);
  if (s.firstDefinition !== undefined && use.definition !== -1) use.definition = min(use.definition, base + s.firstDefinition);
  if (s.firstAbbreviation !== undefined) use.firstAbbreviation = min(use.firstAbbreviation, base + s.firstAbbreviation);
  if (s.firstExpansion !== undefined) use.expansion = min(use.expansion, base + s.firstExpansion);
}

/** Analyse a document from scratch (the reference the incremental path must agree with). */
export function analyzeTree(text: string, tree: Tree, glossary: Glossary, options: AnalysisOptions = DEFAULT_OPTIONS): Analysis {
  const parts = topLevelBlockModels(text, tree).map((m) => analyzeBlock(text, m, glossary));
  return assembleAnalysis(text, parts, glossary, options);
}

/** Whether an offset lies in a region where reporting is turned off. */
export function isDisabled(analysis: Analysis, offset: number): boolean {
  return analysis.disabled.length > 0 && inAny(analysis.disabled, offset);
}

function disabledRegions(model: DocumentModel, length: number): Span[] {
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
