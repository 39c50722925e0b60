import type { Analysis, Finding, Occurrence } from '../analysis/types';
import { occurrencesIn } from '../present';
import type { Entry } from '../types';

/** Replace `start..end` of the document by `newText` (offsets of the analysed version). */
export interface TextEdit {
  start: number;
  end: number;
  newText: string;
}

/** A fix offered for a finding: edits to this document, or a command the host carries out. */
export interface Fix {
  title: string;
  edits: TextEdit[];
  preferred?: boolean;
  /** Host-side action, such as adding a term to the workspace's ignore list. */
  command?: { id: 'ignoreInWorkspace'; term: string };
}

/** The document's line ending, judged by its first line break. */
function eol(text: string): string {
  const n = text.indexOf('\n');
  return n > 0 && text.charCodeAt(n - 1) === 13 ? '\r\n' : '\n';
}

/** Offset right after an occurrence and any markup closing around it (`*`, `_`, the enclosing link). */
export function insertionPoint(analysis: Analysis, occ: Occurrence): number {
  const { text } = analysis;
  let i = occ.link ? Math.max(occ.end, occ.link.end) : occ.end;
  while (i < text.length && (text[i] === '*' || text[i] === '_')) i++;
  const ref = analysis.model.footnoteReferences.find((r) => r.start === i);
  return ref ? ref.end : i;
}

function primarySource(entry: Entry) {
  return entry.sources[0];
}

function footnoteLabel(analysis: Analysis, entry: Entry): string {
  const used = new Set([...analysis.model.footnoteDefinitions.map((d) => d.label), ...analysis.model.footnoteReferences.map((r) => r.label)]);
  let label = entry.id;
  for (let n = 2; used.has(label); n++) label = `${entry.id}-${n}`;
  return label;
}

/** Text appended at the end of the document, starting on a fresh line after a blank line. */
function appendAtEnd(text: string, block: string): TextEdit {
  const nl = eol(text);
  let newlines = 0;
  for (let i = text.length - 1; i >= 0 && (text[i] === '\n' || text[i] === '\r'); i--) if (text[i] === '\n') newlines++;
  const lead = text.length === 0 ? '' : newlines === 0 ? nl + nl : newlines >= 2 ? '' : nl;
  return { start: text.length, end: text.length, newText: lead + block.replace(/\n/g, nl) + nl };
}

export function glossaryLine(entry: Entry): string {
  const source = primarySource(entry);
  return `- **${entry.term}**: ${entry.definition}${source ? ` [${source.label}](${source.url})` : ''}`;
}

function glossaryInsertion(analysis: Analysis, lines: string[]): TextEdit {
  const { text } = analysis;
  const nl = eol(text);
  const section = analysis.glossarySections[0];
  if (section) {
    let end = section.end;
    while (end > section.start && /\s/.test(text[end - 1])) end--;
    return { start: end, end, newText: nl + lines.join(nl) };
  }
  return appendAtEnd(text, ['## Glossary', '', ...lines].join('\n'));
}

function ignoreInDocument(analysis: Analysis, term: string): TextEdit {
  const existing = analysis.model.directives.find((d) => d.kind === 'ignore');
  if (existing && existing.kind === 'ignore') {
    let at = analysis.text.lastIndexOf('-->', existing.end);
    while (at > existing.start && /\s/.test(analysis.text[at - 1])) at--;
    return { start: at, end: at, newText: existing.terms.length ? `, ${term}` : ` ${term}` };
  }
  const at = analysis.model.frontMatterEnd ? analysis.model.frontMatterEnd + eol(analysis.text).length : 0;
  return { start: at, end: at, newText: `<!-- oncoterm-ignore: ${term} -->${eol(analysis.text)}${eol(analysis.text)}` };
}

/** The text that spells out an abbreviation at its first use. */
function expansionText(analysis: Analysis, occ: Occurrence, entry: Entry): string {
  const written = analysis.text.slice(occ.start, occ.end);
  const use = analysis.uses.get(occ.entry);
  const termExplained = use?.definition !== undefined && (use.definition < 0 || analysis.occurrences[use.definition].start < occ.start);
  return termExplained ? `${entry.term} (${written})` : `${entry.term} (${written}: ${entry.short})`;
}

function occurrenceAt(analysis: Analysis, finding: Finding): Occurrence | undefined {
  return occurrencesIn(analysis, finding).find((o) => o.start === finding.start && o.end === finding.end);
}

/** Every fix for one finding, the preferred one first. */
export function fixesForFinding(analysis: Analysis, finding: Finding): Fix[] {
  const { text, glossary } = analysis;
  const entry = finding.entry === undefined ? undefined : glossary.entries[finding.entry];
  const fixes: Fix[] = [];
  if (finding.code === 'placeholder-link') {
    const link = analysis.model.links.find((l) => l.start === finding.start && l.end === finding.end);
    if (!link) return fixes;
    const source = entry && primarySource(entry);
    if (source && link.destinationSpan) {
      fixes.push({ title: `Link to ${source.label}: ${source.url}`, preferred: true, edits: [{ start: link.destinationSpan.start, end: link.destinationSpan.end, newText: source.url }] });
    }
    fixes.push({ title: 'Remove the empty link (keep its text)', edits: [{ start: link.start, end: link.end, newText: text.slice(link.text.start, link.text.end) }] });
    return fixes;
  }
  if (!entry) return fixes;
  const occ = occurrenceAt(analysis, finding);
  if (!occ) return fixes;
  const written = text.slice(occ.start, occ.end);
  if (finding.code === 'undefined-abbreviation') {
    fixes.push({ title: `Spell out '${written}' as '${entry.term} (${written})'`, preferred: true, edits: [{ start: occ.start, end: occ.end, newText: expansionText(analysis, occ, entry) }] });
  } else if (finding.code === 'inconsistent-spelling') {
    const target = respell(written, occ.spelling === 2 ? 1 : 2, analysis, occ.entry);
    if (target && target !== written) fixes.push({ title: `Change to '${target}'`, preferred: true, edits: [{ start: occ.start, end: occ.end, newText: target }] });
    return fixes;
  } else {
    const at = insertionPoint(analysis, occ);
    fixes.push({ title: `Explain '${written}' in place: (${entry.short})`, preferred: true, edits: [{ start: at, end: at, newText: ` (${entry.short})` }] });
    const label = footnoteLabel(analysis, entry);
    const source = primarySource(entry);
    fixes.push({
      title: `Add a footnote explaining '${written}'`,
      edits: [
        { start: at, end: at, newText: `[^${label}]` },
        appendAtEnd(text, `[^${label}]: **${entry.term}**: ${entry.definition}${source ? ` Source: [${source.label}](${source.url}).` : ''}`),
      ],
    });
    if (source) {
      const link = occ.link;
      if (link?.placeholder && link.destinationSpan) {
        fixes.push({ title: `Link '${written}' to ${source.label}`, edits: [{ start: link.destinationSpan.start, end: link.destinationSpan.end, newText: source.url }] });
      } else if (!link) {
        fixes.push({ title: `Link '${written}' to ${source.label}`, edits: [{ start: occ.start, end: occ.end, newText: `[${written}](${source.url})` }] });
      }
    }
    fixes.push({ title: `Add '${entry.term}' to the document's Glossary section`, edits: [glossaryInsertion(analysis, [glossaryLine(entry)])] });
  }
  fixes.push({ title: `Ignore '${entry.term}' in this document`, edits: [ignoreInDocument(analysis, entry.term)] });
  fixes.push({ title: `Ignore '${entry.term}' in this workspace`, edits: [], command: { id: 'ignoreInWorkspace', term: entry.term } });
  return fixes;
}

/**
 * "Define all undefined terms": the preferred fix of every finding, as one set of edits that do not
 * overlap. Applying the result and running it again yields no edits.
 */
export function defineAll(analysis: Analysis): TextEdit[] {
  const edits: TextEdit[] = [];
  for (const finding of analysis.findings) {
    if (finding.code === 'inconsistent-spelling') continue;
    if (finding.code === 'placeholder-link' && finding.entry === undefined) continue;
    const preferred = fixesForFinding(analysis, finding).find((f) => f.preferred);
    if (preferred) edits.push(...preferred.edits);
  }
  return withoutOverlaps(edits);
}

/** "Insert glossary of terms used": every jargon entry the document uses, not yet in its Glossary section. */
export function insertGlossary(analysis: Analysis, include: (entry: Entry) => boolean = (e) => e.level !== 'everyday'): TextEdit[] {
  const listed = new Set<number>();
  const section = analysis.glossarySections[0];
  for (const occ of analysis.occurrences) if (section && occ.start >= section.start && occ.start < section.end) listed.add(occ.entry);
  const entries = [...analysis.uses.keys()].filter((i) => !listed.has(i)).map((i) => analysis.glossary.entries[i]).filter(include)
    .sort((a, b) => a.term.localeCompare(b.term, 'en', { sensitivity: 'base' }));
  if (!entries.length) return [];
  return [glossaryInsertion(analysis, entries.map(glossaryLine))];
}

/** Sort edits and drop any that overlaps an earlier one (insertions at the same point are kept once). */
export function withoutOverlaps(edits: TextEdit[]): TextEdit[] {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  const out: TextEdit[] = [];
  for (const e of sorted) {
    const last = out[out.length - 1];
    if (last && (e.start < last.end || (e.start === last.start && e.end === last.end && e.start === e.end && e.newText === last.newText))) continue;
    out.push(e);
  }
  return out;
}

/** Apply non-overlapping edits to a text (used by the CLI's --fix and by tests). */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.start - a.start || b.end - a.end);
  let out = text;
  for (const e of sorted) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}

function respell(written: string, target: 1 | 2, analysis: Analysis, entry: number): string | undefined {
  const use = analysis.uses.get(entry);
  const index = target === 1 ? use?.firstUs : use?.firstUk;
  for (const o of index === undefined ? [] : [analysis.occurrences[index]]) {
    if (o.entry === entry && o.spelling === target) {
      const other = analysis.text.slice(o.start, o.end);
      if (other.toLowerCase().split(/\W+/).length === written.toLowerCase().split(/\W+/).length) return matchCase(other, written);
    }
  }
  return undefined;
}

function matchCase(word: string, like: string): string {
  if (like === like.toUpperCase()) return word.toUpperCase();
  if (like[0] === like[0].toUpperCase()) return word[0].toUpperCase() + word.slice(1).toLowerCase();
  return word.toLowerCase();
}
