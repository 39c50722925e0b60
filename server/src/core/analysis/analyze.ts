import type { Tree } from '@lezer/common';
import type { Glossary } from '../glossary/glossary';
import type { TermMatch } from '../glossary/terms-index';
import type { BlockModel } from '../markdown/parse';
import { joinBlockModels, topLevelBlockModels } from '../markdown/parse';
import type { MarkdownModel, MarkdownLink, ProseBlock } from '../markdown/model';
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

/**
 * One top-level block, analysed on its own: its structure, its term occurrences and the evidence
 * found around each (everything that depends only on the block's text). Cached per block by the
 * incremental path; `localBlock`/`localLink` index into the block's own lists.
 */
export interface BlockAnalysis {
  model: BlockModel;
  occurrences: Occurrence[];
  localBlock: number[];
  localLink: (number | undefined)[];
  /**
   * Evidence found in the block for each occurrence. A footnote's `text` is its label here, and a
   * link's destination is only known once reference definitions are resolved: `assembleAnalysis`
   * completes both.
   */
  evidence: (Evidence | undefined)[];
}

export function analyzeBlock(text: string, model: BlockModel, glossary: Glossary): BlockAnalysis {
  const result: BlockAnalysis = { model, occurrences: [], localBlock: [], localLink: [], evidence: [] };
  const footnoteAt = new Map<number, string>();
  for (const ref of model.footnoteReferences) footnoteAt.set(ref.start, ref.label);
  const links = model.links.concat(model.pending.map((p) => p.link)).sort((a, b) => a.start - b.start);
  model.blocks.forEach((block, b) => {
    const matches = matchBlock(text, block, glossary);
    const first = result.occurrences.length;
    for (let m = 0; m < matches.length; m++) {
      const match = matches[m];
      const entry = glossary.entries[match.entry];
      const inHeading = block.kind === 'heading';
      const inName = match.kind === 'term' && !inHeading && isPartOfName(text, block, match, entry.term);
      const linkIndex = links.findIndex((l) => l.text.start <= match.start && match.end <= l.text.end);
      const link: MarkdownLink | undefined = linkIndex >= 0 ? links[linkIndex] : undefined;
      const abbr = model.abbrTags.find((a) => a.text.start <= match.start && match.end <= a.text.end);
      const occ: Occurrence = { ...match, block: b, inHeading, inName, disabled: false };
      let evidence: Evidence | undefined;
      if (match.kind === 'term') {
        evidence = termEvidence(text, block, match, entry, link, footnoteAt, abbr?.title);
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
        evidence = abbreviationEvidence(text, match, termBefore, termAfter) ?? termEvidence(text, block, match, entry, link, footnoteAt, abbr?.title);
      }
      result.occurrences.push(occ);
      result.localBlock.push(b);
      result.localLink.push(link && model.links.includes(link) ? model.links.indexOf(link) : undefined);
      result.evidence.push(evidence);
    }
  });
  return result;
}

/** Move a block analysis by `delta` characters. */
export function shiftBlockAnalysis(part: BlockAnalysis, delta: number): void {
  if (!delta) return;
  for (const o of part.occurrences) {
    o.start += delta;
    o.end += delta;
  }
}

/**
 * Analyse a whole document from its blocks: document-order facts (first uses, where each term is
 * explained, glossary sections, directives) and findings. Cheap: a pass over the occurrences.
 */
export function assembleAnalysis(text: string, parts: readonly BlockAnalysis[], glossary: Glossary, options: AnalysisOptions = DEFAULT_OPTIONS): Analysis {
  const model = joinBlockModels(parts.map((p) => p.model));
  const occurrences: Occurrence[] = [];
  const linkIndex = new Map<MarkdownLink, number>();
  model.links.forEach((l, i) => linkIndex.set(l, i));
  const footnoteText = new Map<string, string>();
  for (const d of model.footnoteDefinitions) if (!footnoteText.has(d.label)) footnoteText.set(d.label, text.slice(d.textStart, d.end).trim());
  let blockBase = 0;
  for (const part of parts) {
    part.occurrences.forEach((occ, k) => {
      occ.block = blockBase + part.localBlock[k];
      const local = part.localLink[k];
      const link = local !== undefined ? part.model.links[local] : part.model.pending.find((p) => p.link.text.start <= occ.start && occ.end <= p.link.text.end)?.link;
      occ.link = link ? linkIndex.get(link) : undefined;
      if (occ.alternatives) occ.entry = occ.alternatives[0];
      const found = part.evidence[k];
      if (found?.kind === 'footnote') occ.evidence = { kind: 'footnote', text: footnoteText.get(found.text ?? '') ?? '' };
      else if (found?.kind === 'link') occ.evidence = occ.link === undefined || link!.placeholder ? undefined : { kind: 'link', text: link!.destination };
      else occ.evidence = found;
      occurrences.push(occ);
    });
    blockBase += part.model.blocks.length;
  }
  return assemble(text, model, occurrences, glossary, options);
}

function assemble(text: string, model: MarkdownModel, occurrences: Occurrence[], glossary: Glossary, options: AnalysisOptions): Analysis {
  resolveSharedAbbreviations(occurrences);
  const disabled = disabledRegions(model, text.length);
  const glossarySections = findGlossarySections(model, text.length);
  const uses = new Map<number, TermUse>();
  occurrences.forEach((occ, i) => {
    occ.disabled = disabled.length > 0 && inAny(disabled, occ.start);
    let use = uses.get(occ.entry);
    if (!use) {
      use = { entry: occ.entry, occurrences: [] };
      uses.set(occ.entry, use);
    }
    use.occurrences.push(i);
    const inGlossary = glossarySections.length > 0 && inAny(glossarySections, occ.start);
    const evidence = inGlossary ? { kind: 'glossary-section' as const } : occ.evidence;
    if (occ.kind === 'term') {
      if (!inGlossary && !occ.inHeading && !occ.inName && use.firstUse === undefined) use.firstUse = i;
      if (inGlossary) use.definition = -1;
      else if (evidence && use.definition === undefined) use.definition = i;
    } else {
      if (!inGlossary && !occ.inHeading && use.firstAbbreviation === undefined) use.firstAbbreviation = i;
      if (evidence && use.expansion === undefined) use.expansion = i;
    }
  });
  const analysis: Analysis = { text, model, glossary, options, occurrences, uses, glossarySections, findings: [] };
  analysis.findings = runRules(analysis);
  return analysis;
}

/** Analyse a document from scratch (the reference the incremental path must agree with). */
export function analyzeTree(text: string, tree: Tree, glossary: Glossary, options: AnalysisOptions = DEFAULT_OPTIONS): Analysis {
  const parts = topLevelBlockModels(text, tree).map((m) => analyzeBlock(text, m, glossary));
  return assembleAnalysis(text, parts, glossary, options);
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
    occ.entry = used ?? occ.alternatives[0];
  }
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
