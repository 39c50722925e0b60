// Generates a TextMate injection grammar for Markdown that scopes the built-in glossary's terms
// (`meta.term.oncoterm`) and abbreviations (`meta.term.abbreviation.oncoterm`).
// Usage: node scripts/generate-term-grammar.mjs [--glossary dist/glossary.json] [--out FILE] [--shape trie|letters|flat] [--case classes|i|initials] [--boundary lookaround|b]
//
// The forms come from the compiled term index in dist/glossary.json (`index.inserts`), so the
// grammar knows exactly the forms the server knows: US/UK spellings, joined hyphen forms and
// plurals are already derived there. Terms and aliases match case-insensitively, abbreviations
// (and all-capital terms such as `EGFR`) in their exact case, both as whole words, with the
// words of a term separated by spaces or one hyphen on the same line (TextMate sees one line at a
// time, so a term broken across a soft line break is not scoped; the server still finds it).
//
// Shapes of the regular expression (bench/textmate.mjs measures them):
//   trie     one pattern: a character trie of every form, so Oniguruma tries at most one branch per character
//   letters  one pattern per first character, each a trie (several smaller regular expressions)
//   flat     one pattern: every form as its own alternative, longest first
// Case folding of terms and aliases:
//   classes  every ASCII letter as `[tT]` (the default: compiles in ~80 ms)
//   i        `(?i:...)` (the same matches, but Oniguruma takes ~350 ms to compile it)
//   initials only word-initial letters as classes (misses `CT scan` written as a term in capitals)
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const TERM_GRAMMAR_FILE = 'syntaxes/oncoterm-terms.injection.tmLanguage.json';
export const TERM_GRAMMAR_SCOPE = 'oncoterm.markdown.terms.injection';

/**
 * Where terms are never scoped: code (fenced, indented, inline), raw HTML and comments, link
 * destinations, math and front matter. No `L:` priority (unlike the directive grammar): at a tie
 * the Markdown grammar must win, or a paragraph, list item or quote whose first word is a term
 * would never begin and lose its inline scopes.
 */
export const TERM_INJECTION_SELECTOR = 'text.html.markdown -markup.fenced_code -markup.inline.raw -markup.raw -meta.embedded -comment -markup.underline.link -meta.link.reference.def -markup.math -meta.embedded.block.frontmatter -text.html.basic';

const JOIN = '\u0001';
// A word character for the server's tokenizer: letters, digits and combining marks.
const WORD = '[\\p{L}\\p{N}\\p{M}]';
// Between two words of a term: spaces, or one hyphen with optional spaces; a possessive 's may
// end the previous word ("Hodgkin's lymphoma"), as in the server's tokenizer.
const JOINER = "(?:['\\x{2019}]s)?(?:\\s*[\\-\\x{2010}\\x{2011}]\\s*|\\s+)";

/** The case-insensitive and the exact-case forms in the compiled glossary's term index, sorted and unique. */
export function termForms(glossary) {
  const terms = new Set();
  const abbreviations = new Set();
  for (const [root, path] of glossary.index.inserts) (root ? abbreviations : terms).add(path);
  const sorted = (set) => [...set].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return { terms: sorted(terms), abbreviations: sorted(abbreviations) };
}

function escapeChar(ch) {
  if (ch === JOIN) return JOINER;
  // Only the metacharacters: the source stays valid for a JavaScript RegExp with the u flag too (the test runs it).
  if (/[\\^$.|?*+()[\]{}]/.test(ch)) return '\\' + ch;
  const code = ch.codePointAt(0);
  return code < 0x20 || code > 0x7e ? `\\x{${code.toString(16)}}` : ch;
}

/** A character trie of `forms` as an Oniguruma alternation; a form that continues is tried before the form it extends. */
function trieSource(forms, escapeChar) {
  const root = new Map();
  for (const form of forms) {
    let node = root;
    for (const ch of units(form)) {
      let next = node.get(ch);
      if (!next) node.set(ch, (next = new Map()));
      node = next;
    }
    node.set('', null);
  }
  const emit = (node) => {
    const end = node.has('');
    const branches = [];
    for (const [ch, child] of node) {
      if (ch === '') continue;
      // Follow a chain of single children as one literal.
      let literal = escapeChar(ch);
      let cur = child;
      while (cur.size === 1 && !cur.has('')) {
        const [[c, n]] = cur;
        literal += escapeChar(c);
        cur = n;
      }
      branches.push(literal + emit(cur));
    }
    if (!branches.length) return '';
    if (end) return `(?:${branches.join('|')})?`;
    return branches.length === 1 ? branches[0] : `(?:${branches.join('|')})`;
  };
  return emit(root);
}

function flatSource(forms, escapeChar) {
  return [...forms].sort((a, b) => b.length - a.length || (a < b ? -1 : 1)).map((f) => units(f).map(escapeChar).join('')).join('|');
}

const firstChar = (form) => [...form][0];

/** An ASCII letter as a class of both cases: Oniguruma compiles these far faster than `(?i)` on a large alternation. */
function escapeFolded(ch) {
  return /[a-z]/.test(ch) ? `[${ch}${ch.toUpperCase()}]` : escapeChar(ch);
}

/** Only the first letter of each word in both cases: `tumor microenvironment`, `Tumor microenvironment`, `Tumor Microenvironment`. */
function initialsFolded(forms, source) {
  // U+0002 before a word-initial letter makes it one unit of the trie (`t` and `T` stay one branch).
  const marked = forms.map((f) => f.replace(/(^|\u0001)([a-z])/g, '$1\u0002$2'));
  return source(marked, (unit) => (unit[0] === '\u0002' ? escapeFolded(unit.slice(1)) : escapeChar(unit)));
}

/** The units of a form: code points, a U+0002 mark kept with the character after it. */
const units = (form) => form.match(/\u0002?[\s\S]/gu) ?? [];

/**
 * The injection grammar (a plain object, ready for JSON.stringify).
 * @param {{ index: { inserts: [number, string, number][] } }} glossary the compiled glossary (dist/glossary.json)
 * @param {{ shape?: 'trie' | 'letters' | 'flat', boundary?: 'lookaround' | 'b', caseFold?: 'classes' | 'i' | 'initials' }} [options]
 *   the defaults are what ships (bench/textmate.mjs): one character trie, look-arounds for whole words
 *   (`\b` would treat `_` as a letter and miss `_tumor_`), and case folding as `[tT]` classes, which
 *   Oniguruma compiles about 4x faster than `(?i)` with the same matches.
 */
export function termGrammar(glossary, { shape = 'trie', boundary = 'lookaround', caseFold = 'classes' } = {}) {
  const { terms, abbreviations } = termForms(glossary);
  const [before, after] = boundary === 'b' ? ['\\b', '\\b'] : [`(?<!${WORD})`, `(?!${WORD})`];
  const source = shape === 'flat' ? flatSource : trieSource;
  const pattern = (termForms, abbreviationForms) => {
    const parts = [];
    // Capture 1: a term or alias (any case); capture 2: an abbreviation (exact case). Terms are tried
    // first, so at one position a term wins over an abbreviation.
    const folded =
      caseFold === 'classes' ? `(${source(termForms, escapeFolded)})` : caseFold === 'initials' ? `(${initialsFolded(termForms, source)})` : `(?i:(${source(termForms, escapeChar)}))`;
    parts.push(termForms.length ? folded : '(?!)');
    parts.push(abbreviationForms.length ? `(${source(abbreviationForms, escapeChar)})` : '(?!)');
    return {
      match: `${before}(?:${parts.join('|')})${after}`,
      captures: { 1: { name: 'meta.term.oncoterm' }, 2: { name: 'meta.term.abbreviation.oncoterm' } },
    };
  };
  let patterns;
  if (shape === 'letters') {
    const groups = new Map();
    const group = (form, k) => {
      // Case-insensitive forms are lower case already; abbreviations group by their lower-cased first character too.
      const key = firstChar(form).toLowerCase();
      if (!groups.has(key)) groups.set(key, [[], []]);
      groups.get(key)[k].push(form);
    };
    for (const f of terms) group(f, 0);
    for (const f of abbreviations) group(f, 1);
    patterns = [...groups.keys()].sort().map((k) => pattern(...groups.get(k)));
  } else {
    patterns = [pattern(terms, abbreviations)];
  }
  return {
    $comment: `Generated by scripts/generate-term-grammar.mjs from the built-in glossary (${terms.length} term forms, ${abbreviations.length} abbreviation forms); do not edit.`,
    scopeName: TERM_GRAMMAR_SCOPE,
    injectionSelector: TERM_INJECTION_SELECTOR,
    patterns,
  };
}

/** The grammar file's exact text. */
export function termGrammarText(glossary, options) {
  return JSON.stringify(termGrammar(glossary, options), null, 2) + '\n';
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const arg = (name, fallback) => {
    const i = process.argv.indexOf(name);
    return i > 0 ? process.argv[i + 1] : fallback;
  };
  const root = join(import.meta.dirname, '..');
  const glossary = JSON.parse(readFileSync(arg('--glossary', join(root, 'dist', 'glossary.json')), 'utf8'));
  const out = arg('--out', join(root, TERM_GRAMMAR_FILE));
  const text = termGrammarText(glossary, { shape: arg('--shape', 'trie'), boundary: arg('--boundary', 'lookaround'), caseFold: arg('--case', 'classes') });
  writeFileSync(out, text);
  console.log(`generate-term-grammar: wrote ${out} (${(text.length / 1024).toFixed(0)} KB)`);
}
