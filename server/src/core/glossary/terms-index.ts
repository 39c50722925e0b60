import type { Entry } from '../types';
import { termTokens, type Tokens } from '../text/tokens';
import { pluralsOf, spellingsOf, spellingOf, type Spelling } from './variants';

/** How an occurrence was written: as the entry's term or an alias (case-insensitive), or an abbreviation (exact case). */
export type FormKind = 'term' | 'abbreviation';

/** What a path through the index ends at. */
export interface IndexHit {
  entry: number;
  kind: FormKind;
  spelling: Spelling;
  /** Set on derived plurals, which never override a form written in a glossary. */
  derived?: boolean;
}

/** The insertions that built an index over the first `entries` entries: [0 terms / 1 abbreviations, tokens joined by U+0001, packed hit]. */
export interface IndexRecording {
  entries: number;
  inserts: [number, string, number][];
}

/** A trie node; `hit` packs what a path ending here means (see `pack`), to keep big glossaries small. */
interface TrieNode {
  next?: Map<string, TrieNode>;
  hit?: number;
}

const KIND_ABBREVIATION = 4;
const DERIVED = 8;
const pack = (hit: IndexHit): number => hit.entry * 16 + (hit.derived ? DERIVED : 0) + (hit.kind === 'abbreviation' ? KIND_ABBREVIATION : 0) + hit.spelling;
const entryOf = (packed: number): number => Math.floor(packed / 16);

/**
 * @example a match of "tumour microenvironments" -> { start, end, entry: <index of tumor-microenvironment>, kind: 'term', spelling: 2 }
 */
export interface TermMatch {
  start: number;
  end: number;
  entry: number;
  kind: FormKind;
  spelling: Spelling;
  /** For an abbreviation several entries share: every entry it may stand for (including `entry`). */
  alternatives?: number[];
}

const MAX_SPELLING_COMBINATIONS = 8;

/**
 * The term index: two token tries (lower-case terms, exact-case abbreviations) over every derived
 * form of every entry. Matching walks the document's tokens once; its cost depends on the text,
 * not on the number of entries.
 */
export class TermIndex {
  private readonly terms = new Map<string, TrieNode>();
  private readonly abbreviations = new Map<string, TrieNode>();
  /** Nodes of abbreviations that several entries share, with every entry (the first is the default). */
  private readonly alternatives = new Map<TrieNode, number[]>();
  /** Number of distinct paths inserted. */
  size = 0;

  /** When set, every insertion is also recorded, so the index can be saved and rebuilt without deriving forms. */
  private recorded?: IndexRecording;

  /**
   * Index `entries`. `saved` (from `record()` on an index of the same first `saved.entries`
   * entries) replays those insertions instead of deriving every form again: fast start-up for the
   * built-in glossary.
   */
  constructor(readonly entries: readonly Entry[], saved?: IndexRecording, record = false) {
    if (record) this.recorded = { entries: 0, inserts: [] };
    let first = 0;
    if (saved && saved.entries <= entries.length) {
      for (const [root, path, packed] of saved.inserts) this.insertPacked(root ? this.abbreviations : this.terms, path.split('\u0001'), packed);
      first = saved.entries;
    }
    for (let i = first; i < entries.length; i++) this.addEntry(entries[i], i);
    if (this.recorded) this.recorded.entries = entries.length;
  }

  /** The insertions that built this index (only when constructed with `record`). */
  recording(): IndexRecording | undefined {
    return this.recorded;
  }

  private addEntry(entry: Entry, index: number): void {
    for (const form of [entry.term, ...entry.aliases]) {
      if (isAcronym(form)) {
        // `EGFR` or `KRAS` as a term: matched in its exact case, so `eGFR` stays a different word.
        this.insert(this.abbreviations, termTokens(form), { entry: index, kind: 'term', spelling: 0 });
        continue;
      }
      const tokens = termTokens(form).map((t) => t.toLowerCase());
      if (!tokens.length) continue;
      for (const [variant, spelling] of spellingVariants(tokens)) {
        this.insertWithPlurals(this.terms, variant, { entry: index, kind: 'term', spelling });
        if (tokens.length > 1 && /-/.test(form)) this.insertJoined(form, variant, index, spelling);
      }
    }
    for (const abbreviation of entry.abbreviations) {
      const tokens = termTokens(abbreviation);
      if (!tokens.length) continue;
      this.insert(this.abbreviations, tokens, { entry: index, kind: 'abbreviation', spelling: 0 });
      const last = tokens[tokens.length - 1];
      if (/[A-Z0-9]$/.test(last)) this.insert(this.abbreviations, [...tokens.slice(0, -1), last + 's'], { entry: index, kind: 'abbreviation', spelling: 0 });
    }
  }

  /** `pre-metastatic niche` is also written `premetastatic niche`. */
  private insertJoined(form: string, tokens: string[], index: number, spelling: Spelling): void {
    const pieces = form.toLowerCase().split(/\s+/);
    const joined: string[] = [];
    for (const piece of pieces) joined.push(...termTokens(piece.replace(/[-\u2010\u2011]/g, '')).map((t) => t.toLowerCase()));
    if (joined.length && joined.length < tokens.length) {
      for (const [variant, s] of spellingVariants(joined)) this.insertWithPlurals(this.terms, variant, { entry: index, kind: 'term', spelling: s || spelling });
    }
  }

  private insertWithPlurals(root: Map<string, TrieNode>, tokens: string[], hit: IndexHit): void {
    this.insert(root, tokens, hit);
    const last = tokens[tokens.length - 1];
    for (const plural of pluralsOf(last)) this.insert(root, [...tokens.slice(0, -1), plural], hit, true);
  }

  private insert(root: Map<string, TrieNode>, tokens: readonly string[], hit: IndexHit, derived = false): void {
    const packed = pack({ ...hit, derived });
    if (this.insertPacked(root, tokens, packed)) this.recorded?.inserts.push([root === this.abbreviations ? 1 : 0, tokens.join('\u0001'), packed]);
  }

  /** Walk (creating) the path of `tokens` and settle what its end means; false for an empty path. */
  private insertPacked(root: Map<string, TrieNode>, tokens: readonly string[], packed: number): boolean {
    let map = root;
    let node: TrieNode | undefined;
    for (let k = 0; k < tokens.length; k++) {
      if (k > 0) map = node!.next ??= new Map();
      node = map.get(tokens[k]);
      if (!node) {
        node = {};
        map.set(tokens[k], node);
      }
    }
    if (!node) return false;
    this.settle(node, packed);
    return true;
  }

  /** Decide what a node means when another form ends there (the same rules whether derived now or replayed). */
  private settle(node: TrieNode, packed: number): void {
    const hit = { entry: entryOf(packed), kind: packed & KIND_ABBREVIATION ? 'abbreviation' : 'term' };
    const derived = (packed & DERIVED) !== 0;
    const existing = node.hit;
    if (hit.kind === 'abbreviation' && existing !== undefined && (existing & KIND_ABBREVIATION) && entryOf(existing) !== hit.entry) {
      const alternatives = this.alternatives.get(node) ?? [entryOf(existing)];
      if (!alternatives.includes(hit.entry)) alternatives.push(hit.entry);
      this.alternatives.set(node, alternatives);
      return;
    }
    // A form written in a glossary beats a derived plural of another entry; later entries override earlier ones.
    if (existing !== undefined && derived && !(existing & DERIVED)) return;
    if (existing === undefined) this.size++;
    node.hit = packed;
  }

  /**
   * Longest, non-overlapping matches in one block's tokens, appended to `out` in document order.
   */
  matchTokens(tokens: Tokens, out: TermMatch[]): TermMatch[] {
    const { count, starts, ends, exact, joins } = tokens;
    let i = 0;
    while (i < count) {
      let bestEnd = -1;
      let best = -1;
      let bestNode: TrieNode | undefined;
      let node = this.terms.get(exact[i].toLowerCase());
      let j = i;
      while (node) {
        if (node.hit !== undefined) {
          bestEnd = j;
          best = node.hit;
          bestNode = node;
        }
        if (!node.next || j + 1 >= count || !joins[j + 1]) break;
        j++;
        node = node.next.get(exact[j].toLowerCase());
      }
      node = this.abbreviations.get(exact[i]);
      j = i;
      while (node) {
        // An exact-case match at least as long as a case-insensitive one wins.
        if (node.hit !== undefined && j >= bestEnd) {
          bestEnd = j;
          best = node.hit;
          bestNode = node;
        }
        if (!node.next || j + 1 >= count || !joins[j + 1]) break;
        j++;
        node = node.next.get(exact[j]);
      }
      if (best >= 0) {
        const kind: FormKind = best & KIND_ABBREVIATION ? 'abbreviation' : 'term';
        const spelling = (best & 3) as Spelling;
        const match: TermMatch = { start: starts[i], end: ends[bestEnd], entry: entryOf(best), kind, spelling: kind === 'abbreviation' ? 0 : spelling || spellingOfRange(exact, i, bestEnd) };
        const alternatives = this.alternatives.size ? this.alternatives.get(bestNode!) : undefined;
        if (alternatives) match.alternatives = alternatives;
        out.push(match);
        i = bestEnd + 1;
      } else {
        i++;
      }
    }
    return out;
  }
}

/** A form with no lower-case letter and at least two letters: `EGFR`, `HER2`, `BRCA1`, `PD-L1`. */
function isAcronym(form: string): boolean {
  return !/\p{Ll}/u.test(form) && (form.match(/\p{Lu}/gu)?.length ?? 0) >= 2;
}

function spellingOfRange(exact: readonly string[], from: number, to: number): Spelling {
  for (let k = from; k <= to; k++) {
    const s = spellingOf(exact[k].toLowerCase());
    if (s) return s;
  }
  return 0;
}

/** The token list in each US/UK spelling combination, with the spelling it represents. */
function spellingVariants(tokens: string[]): [string[], Spelling][] {
  let out: [string[], Spelling][] = [[[], 0]];
  for (const token of tokens) {
    const alternatives: [string, Spelling][] = [[token, 0], ...spellingsOf(token)];
    const next: [string[], Spelling][] = [];
    for (const [prefix, spelling] of out) {
      for (const [alt, s] of alternatives) {
        if (next.length >= MAX_SPELLING_COMBINATIONS) break;
        next.push([[...prefix, alt], (s || spelling) as Spelling]);
      }
    }
    out = next;
  }
  return out;
}
