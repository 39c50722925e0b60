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
  /** Other entries sharing this abbreviation (`TME`: tumor microenvironment, total mesorectal excision). */
  alternatives?: number[];
}

interface TrieNode {
  next?: Map<string, TrieNode>;
  hit?: IndexHit;
}

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
  /** Number of distinct paths inserted. */
  size = 0;

  constructor(readonly entries: readonly Entry[]) {
    entries.forEach((entry, i) => this.addEntry(entry, i));
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
    if (!tokens.length) return;
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
    if (!node) return;
    if (hit.kind === 'abbreviation' && node.hit && node.hit.entry !== hit.entry && node.hit.kind === 'abbreviation') {
      const alternatives = node.hit.alternatives ?? [node.hit.entry];
      if (!alternatives.includes(hit.entry)) alternatives.push(hit.entry);
      node.hit = { ...node.hit, alternatives };
      return;
    }
    // A form written in a glossary beats a derived plural of another entry; later entries override earlier ones.
    if (node.hit && derived && !node.hit.derived) return;
    if (!node.hit) this.size++;
    node.hit = derived ? { ...hit, derived: true } : hit;
  }

  /**
   * Longest, non-overlapping matches in one block's tokens, appended to `out` in document order.
   */
  matchTokens(tokens: Tokens, out: TermMatch[]): TermMatch[] {
    const { count, starts, ends, exact, joins } = tokens;
    let i = 0;
    while (i < count) {
      let bestEnd = -1;
      let best: IndexHit | undefined;
      let node = this.terms.get(exact[i].toLowerCase());
      let j = i;
      while (node) {
        if (node.hit) {
          bestEnd = j;
          best = node.hit;
        }
        if (!node.next || j + 1 >= count || !joins[j + 1]) break;
        j++;
        node = node.next.get(exact[j].toLowerCase());
      }
      node = this.abbreviations.get(exact[i]);
      j = i;
      while (node) {
        if (node.hit && j >= bestEnd) {
          bestEnd = j;
          best = node.hit;
        }
        if (!node.next || j + 1 >= count || !joins[j + 1]) break;
        j++;
        node = node.next.get(exact[j]);
      }
      if (best) {
        const match: TermMatch = { start: starts[i], end: ends[bestEnd], entry: best.entry, kind: best.kind, spelling: best.kind === 'abbreviation' ? 0 : best.spelling || spellingOfRange(exact, i, bestEnd) };
        if (best.alternatives) match.alternatives = best.alternatives;
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
