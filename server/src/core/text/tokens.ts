/**
 * Word tokens of prose, as the term index sees them: maximal runs of letters and digits (with
 * inner apostrophes), a trailing possessive `'s` left out. `joins[i]` says whether token i may
 * continue a term from token i-1: only across white space (a soft line break included) or a
 * single hyphen.
 */
export interface Tokens {
  count: number;
  starts: number[];
  ends: number[];
  /** The token's exact text, for case-sensitive abbreviations. */
  exact: string[];
  joins: boolean[];
}

export interface TextRun {
  start: number;
  end: number;
  joinPrevious: boolean;
}

const LETTER = /[\p{L}\p{N}\p{M}]/u;

function isWordCode(code: number): boolean {
  if (code < 128) return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57);
  if (code >= 0xd800 && code <= 0xdfff) return false;
  return LETTER.test(String.fromCharCode(code));
}

function isAstralWord(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  if (code < 0xd800 || code > 0xdbff || i + 1 >= text.length) return false;
  return LETTER.test(text.slice(i, i + 2));
}

const HYPHENS = new Set([45, 0x2010, 0x2011]);
const APOSTROPHES = new Set([39, 0x2019]);

export function emptyTokens(): Tokens {
  return { count: 0, starts: [], ends: [], exact: [], joins: [] };
}

/** Tokenize the runs of one block (runs in order, non-overlapping), appending to `out`. */
export function tokenizeRuns(text: string, runs: readonly TextRun[], out: Tokens = emptyTokens()): Tokens {
  let gapOk = false;
  let hyphens = 0;
  let other = false;
  for (const run of runs) {
    if (!run.joinPrevious) gapOk = false;
    let i = run.start;
    const end = run.end;
    while (i < end) {
      const code = text.charCodeAt(i);
      const astral = !isWordCode(code) && isAstralWord(text, i);
      if (isWordCode(code) || astral) {
        const start = i;
        i += astral ? 2 : 1;
        while (i < end) {
          const c = text.charCodeAt(i);
          if (isWordCode(c)) i++;
          else if (isAstralWord(text, i)) i += 2;
          else if (APOSTROPHES.has(c) && i + 1 < end && isWordCode(text.charCodeAt(i + 1))) i++;
          else break;
        }
        let tokenEnd = i;
        const last = text.charCodeAt(tokenEnd - 1);
        if ((last === 115 || last === 83) && tokenEnd - start > 2 && APOSTROPHES.has(text.charCodeAt(tokenEnd - 2))) tokenEnd -= 2;
        out.starts.push(start);
        out.ends.push(tokenEnd);
        out.exact.push(text.slice(start, tokenEnd));
        out.joins.push(out.count > 0 && gapOk && !other && hyphens <= 1);
        out.count++;
        gapOk = true;
        hyphens = 0;
        other = false;
        continue;
      }
      if (HYPHENS.has(code)) hyphens++;
      else if (code !== 32 && code !== 9 && code !== 10 && code !== 13 && code !== 0xa0) other = true;
      i++;
    }
  }
  return out;
}

/** Tokens of a glossary term written on its own: `non-small cell lung cancer` -> 5 tokens. */
export function termTokens(term: string): string[] {
  return tokenizeRuns(term, [{ start: 0, end: term.length, joinPrevious: false }]).exact;
}
