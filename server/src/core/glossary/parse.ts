import { isMap, isSeq, LineCounter, parseDocument, type Node as YamlNode, type YAMLMap } from 'yaml';
import Papa from 'papaparse';
import type { Entry, Level, Problem, Severity, Source } from '../types';
import { LEVELS } from '../types';
import { expandSource } from './sources';

/** What reading one glossary file produced: the valid entries and every problem, never an exception. */
export interface GlossaryFile {
  file: string;
  entries: Entry[];
  problems: Problem[];
}

const KNOWN_KEYS = new Set(['id', 'term', 'aliases', 'abbreviations', 'short', 'definition', 'level', 'category', 'sources', 'related', 'disambiguation']);
const MAX_TERM_LENGTH = 200;
const MAX_DEFINITION_LENGTH = 4000;

/** Parse a glossary file by its name: `.csv`/`.tsv` as tables, anything else as YAML. */
export function parseGlossary(text: string, file: string): GlossaryFile {
  if (/\.(csv|tsv)$/i.test(file)) return parseGlossaryTable(text, file);
  return parseGlossaryYaml(text, file);
}

/**
 * Parse a YAML glossary (a list of entries, see glossary/README.md).
 * @example parseGlossaryYaml('- term: osteosarcoma\n  definition: A bone cancer.\n  sources: [{nci: 45395}]', 'my.yaml')
 */
export function parseGlossaryYaml(text: string, file: string): GlossaryFile {
  const problems: Problem[] = [];
  const lines = new LineCounter();
  const at = (offset: number, message: string, severity: Severity = 'error', endOffset?: number): void => {
    const start = lines.linePos(Math.max(0, offset));
    const end = endOffset === undefined ? undefined : lines.linePos(endOffset);
    problems.push({ file, message, severity, line: start.line - 1, character: start.col - 1, endLine: end ? end.line - 1 : undefined, endCharacter: end ? end.col - 1 : undefined });
  };
  if (text.charCodeAt(0) === 0xfeff) text = ' ' + text.slice(1);
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true, strict: true });
  if (text.includes('\uFFFD')) at(text.indexOf('\uFFFD'), 'the file is not valid UTF-8 text here', 'warning');
  for (const error of doc.errors) at(error.pos[0], `YAML: ${firstLine(error.message)}`, 'error', error.pos[1]);
  for (const warning of doc.warnings) at(warning.pos[0], `YAML: ${firstLine(warning.message)}`, 'warning', warning.pos[1]);
  const entries: Entry[] = [];
  const contents = doc.contents;
  if (contents === null) return { file, entries, problems };
  if (!isSeq(contents)) {
    at(rangeOf(contents)[0], 'a glossary is a YAML list of entries (each item starts with "- ")');
    return { file, entries, problems };
  }
  for (const item of contents.items) {
    const range = rangeOf(item as YamlNode);
    if (!isMap(item)) {
      at(range[0], 'each glossary item must be a mapping with at least term and definition', 'error', range[1]);
      continue;
    }
    let raw: unknown;
    try {
      raw = item.toJS(doc, { maxAliasCount: 50 });
    } catch (e) {
      at(range[0], `YAML: ${firstLine(String((e as Error).message))}`, 'error', range[1]);
      continue;
    }
    const fieldAt = (key: string, message: string, severity: Severity = 'error') => {
      const node = fieldNode(item, key);
      const r = node ? rangeOf(node) : range;
      at(r[0], message, severity, r[1]);
    };
    const entry = toEntry(raw as Record<string, unknown>, fieldAt);
    if (entry) {
      entry.origin = { file, line: lines.linePos(range[0]).line - 1 };
      entries.push(entry);
    }
  }
  return { file, entries, problems };
}

/** Parse a CSV or TSV glossary with the columns `term,definition,url` (a header row is optional). */
export function parseGlossaryTable(text: string, file: string): GlossaryFile {
  const problems: Problem[] = [];
  const entries: Entry[] = [];
  const delimiter = /\.tsv$/i.test(file) ? '\t' : ',';
  const result = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { delimiter, skipEmptyLines: 'greedy' });
  for (const error of result.errors) problems.push({ file, message: `CSV: ${error.message}`, severity: 'error', line: error.row ?? 0, character: 0 });
  let rows = result.data;
  let lineOf = (i: number) => i;
  if (rows.length && /^term$/i.test((rows[0][0] ?? '').trim())) {
    rows = rows.slice(1);
    lineOf = (i) => i + 1;
  }
  const offsets = lineStarts(text);
  rows.forEach((row, i) => {
    const line = guessRowLine(text, offsets, row[0], lineOf(i));
    const fieldAt = (_key: string, message: string, severity: Severity = 'error') => problems.push({ file, message, severity, line, character: 0 });
    const [term, definition, url] = row.map((c) => (c ?? '').trim());
    const entry = toEntry({ term, definition, sources: url ? [{ url }] : [], level: 'technical' }, fieldAt, { sourcesOptional: true });
    if (entry) {
      entry.origin = { file, line };
      entries.push(entry);
    }
  });
  return { file, entries, problems };
}

type FieldReporter = (key: string, message: string, severity?: Severity) => void;

/** Validate one raw entry; returns undefined (with problems reported) when it cannot be used. */
export function toEntry(raw: Record<string, unknown>, report: FieldReporter, options: { sourcesOptional?: boolean } = {}): Entry | undefined {
  if (!raw || typeof raw !== 'object') return undefined;
  for (const key of Object.keys(raw)) if (!KNOWN_KEYS.has(key)) report(key, `unknown field "${key}"`, 'warning');
  const term = typeof raw.term === 'string' ? raw.term.trim() : '';
  if (!term) {
    report('term', 'an entry needs a "term" (text)');
    return undefined;
  }
  if (term.length > MAX_TERM_LENGTH) {
    report('term', `"term" is longer than ${MAX_TERM_LENGTH} characters`);
    return undefined;
  }
  const definition = typeof raw.definition === 'string' ? raw.definition.trim() : '';
  if (!definition) {
    report('definition', `"${term}" needs a "definition" (text)`);
    return undefined;
  }
  if (definition.length > MAX_DEFINITION_LENGTH) report('definition', `the definition of "${term}" is very long (${definition.length} characters)`, 'warning');
  let id = typeof raw.id === 'string' || typeof raw.id === 'number' ? String(raw.id).trim() : '';
  if (!id) id = slugify(term);
  else if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id)) report('id', `id "${id}" should be kebab-case (lower-case letters, digits and hyphens)`, 'warning');
  const level = raw.level === undefined ? 'technical' : raw.level;
  if (!LEVELS.includes(level as Level)) report('level', `level must be one of ${LEVELS.join(', ')}; "${String(level)}" is read as technical`, 'warning');
  const sources: Source[] = [];
  const rawSources = raw.sources === undefined ? [] : Array.isArray(raw.sources) ? raw.sources : [raw.sources];
  for (const s of rawSources) {
    const source = expandSource(s);
    if (typeof source === 'string') report('sources', source);
    else sources.push(source);
  }
  if (!sources.length && !options.sourcesOptional) report('sources', `"${term}" has no usable source; add at least one (nci: <CDR id> or url: https://...)`, 'warning');
  const short = typeof raw.short === 'string' && raw.short.trim() ? raw.short.trim() : undefined;
  return {
    id,
    term,
    aliases: stringList(raw.aliases, 'aliases', report),
    abbreviations: stringList(raw.abbreviations, 'abbreviations', report),
    short: short ?? firstClause(definition),
    definition,
    level: LEVELS.includes(level as Level) ? (level as Level) : 'technical',
    category: typeof raw.category === 'string' ? raw.category : 'general',
    sources,
    related: stringList(raw.related, 'related', report),
    disambiguation: typeof raw.disambiguation === 'string' ? raw.disambiguation : undefined,
  };
}

function stringList(value: unknown, key: string, report: FieldReporter): string[] {
  if (value === undefined || value === null) return [];
  const list = Array.isArray(value) ? value : [value];
  const out: string[] = [];
  for (const v of list) {
    if (typeof v === 'string' && v.trim() && v.length <= MAX_TERM_LENGTH) out.push(v.trim());
    else if (typeof v === 'number') out.push(String(v));
    else report(key, `"${key}" must be a list of short texts`, 'warning');
  }
  return out;
}

/** `Tumor Microenvironment (TME)` -> `tumor-microenvironment-tme` */
export function slugify(term: string): string {
  return term.normalize('NFKD').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '') || 'term';
}

function firstClause(definition: string): string {
  const sentence = definition.split(/(?<=[.!?])\s/)[0].replace(/[.!?]$/, '');
  const words = sentence.split(/\s+/);
  return words.length <= 12 ? sentence.charAt(0).toLowerCase() + sentence.slice(1) : words.slice(0, 12).join(' ') + '…';
}

function firstLine(message: string): string {
  return message.split('\n')[0];
}

function rangeOf(node: YamlNode | null | undefined): [number, number] {
  const r = (node as { range?: [number, number, number] } | null)?.range;
  return r ? [r[0], r[1]] : [0, 0];
}

function fieldNode(map: YAMLMap, key: string): YamlNode | undefined {
  for (const pair of map.items) {
    const k = pair.key as { value?: unknown } | null;
    if (k && k.value === key) return (pair.value ?? pair.key) as YamlNode;
  }
  return undefined;
}

function lineStarts(text: string): number[] {
  const out = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) out.push(i + 1);
  return out;
}

function guessRowLine(text: string, starts: number[], firstCell: string | undefined, fallback: number): number {
  if (firstCell) {
    const at = text.indexOf(firstCell);
    if (at >= 0) {
      let lo = 0;
      let hi = starts.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (starts[mid] <= at) lo = mid; else hi = mid - 1;
      }
      return lo;
    }
  }
  return fallback;
}
