import type { Analysis, Occurrence } from './analysis/types';
import type { Entry } from './types';

/** The occurrence covering `offset` (start inclusive, end inclusive so a cursor right after a word still hovers it). */
export function occurrenceAt(analysis: Analysis, offset: number): Occurrence | undefined {
  const list = analysis.occurrences;
  let lo = 0;
  let hi = list.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const o = list[mid];
    if (o.end < offset) lo = mid + 1;
    else if (o.start > offset) hi = mid - 1;
    else return o;
  }
  return undefined;
}

/** The occurrences that lie within `span`, in document order (binary search). */
export function occurrencesIn(analysis: Analysis, span: { start: number; end: number }): Occurrence[] {
  const list = analysis.occurrences;
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid].start < span.start) lo = mid + 1;
    else hi = mid;
  }
  const out: Occurrence[] = [];
  for (let i = lo; i < list.length && list[i].end <= span.end; i++) out.push(list[i]);
  return out;
}

/** Escape text so that Markdown renders it literally: glossary text is data, never markup. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()<>#+!|~&]/g, (c) => '\\' + c).replace(/\r?\n/g, ' ');
}

const LEVEL_LABEL = { everyday: 'everyday word', technical: 'technical term', specialist: 'specialist term' } as const;

/**
 * Hover text for an entry, as Markdown built only from escaped glossary text and http(s) links.
 * `local` is the document's own explanation of the term, when it has one.
 */
export function describeEntry(entry: Entry, entries: readonly Entry[], byId: ReadonlyMap<string, number>, local?: { kind: string; text?: string }): string {
  const parts: string[] = [];
  const abbreviations = entry.abbreviations.length ? ` (${entry.abbreviations.map(escapeMarkdown).join(', ')})` : '';
  parts.push(`**${escapeMarkdown(entry.term)}**${abbreviations} · *${LEVEL_LABEL[entry.level]}, ${escapeMarkdown(entry.category)}*`);
  parts.push(escapeMarkdown(entry.definition));
  if (local?.text && local.kind !== 'link') parts.push(`In this document: *${escapeMarkdown(local.text)}*`);
  if (entry.aliases.length) parts.push(`Also called: ${entry.aliases.map(escapeMarkdown).join(', ')}`);
  const related = entry.related.map((id) => byId.get(id)).filter((i): i is number => i !== undefined).map((i) => escapeMarkdown(entries[i].term));
  if (related.length) parts.push(`Related: ${related.join(', ')}`);
  if (entry.sources.length) parts.push('Read more: ' + sourceLabels(entry).map(([label, s]) => `[${escapeMarkdown(label)}](${safeLinkTarget(s.url)})`).join(' · '));
  return parts.join('\n\n');
}

/** Source labels, told apart when an entry has several from the same place (two NCI dictionary ids). */
function sourceLabels(entry: Entry): [string, Entry['sources'][number]][] {
  const counts = new Map<string, number>();
  for (const s of entry.sources) counts.set(s.label, (counts.get(s.label) ?? 0) + 1);
  return entry.sources.map((s) => [counts.get(s.label)! > 1 && s.nci ? `${s.label} (CDR ${s.nci})` : s.label, s]);
}

/** A URL as a Markdown link target: parentheses and spaces encoded so the link cannot break out. */
function safeLinkTarget(url: string): string {
  let decoded = url;
  try {
    decoded = decodeURI(url);
  } catch {
    // keep the URL as it is
  }
  return encodeURI(decoded).replace(/\(/g, '%28').replace(/\)/g, '%29');
}

/** A plain-text description of an entry (the CLI's `define`). */
export function describeEntryText(entry: Entry): string {
  const lines = [`${entry.term}${entry.abbreviations.length ? ` (${entry.abbreviations.join(', ')})` : ''} [${entry.level}, ${entry.category}]`, '', entry.definition, '', `In short: ${entry.short}`];
  if (entry.aliases.length) lines.push(`Also called: ${entry.aliases.join(', ')}`);
  if (entry.related.length) lines.push(`Related: ${entry.related.join(', ')}`);
  for (const [label, s] of sourceLabels(entry)) lines.push(`Source: ${label} <${s.url}>`);
  return lines.join('\n');
}
