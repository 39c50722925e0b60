import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
// @ts-expect-error plain ES module shared with the npm scripts
import { compileGlossary, loadParser } from '../../scripts/glossary-lib.mjs';
// @ts-expect-error plain ES module shared with the npm scripts
import { termGrammar, termGrammarText, TERM_GRAMMAR_FILE, TERM_GRAMMAR_SCOPE } from '../../scripts/generate-term-grammar.mjs';

interface Grammar {
  scopeName: string;
  injectionSelector: string;
  patterns: { match: string; captures: Record<string, { name: string }> }[];
}

/** The built-in glossary compiled in memory from glossary/*.yaml, exactly as `npm run build` ships it. */
const shipped: Promise<unknown> = (async () => {
  const { files } = await compileGlossary('glossary');
  const { compileGlossary: compileForShipping } = await loadParser();
  return compileForShipping(files);
})();

test(`${TERM_GRAMMAR_FILE} is up to date with the built-in glossary (regenerate: npm run build)`, async () => {
  const expected: string = termGrammarText(await shipped);
  const actual = readFileSync(TERM_GRAMMAR_FILE, 'utf8');
  // Not assert.equal on half a megabyte of regular expression: say what differs.
  if (actual !== expected) {
    let at = 0;
    while (at < actual.length && actual[at] === expected[at]) at++;
    assert.fail(`${TERM_GRAMMAR_FILE} is stale (first difference at character ${at}: ${JSON.stringify(actual.slice(at, at + 60))} should be ${JSON.stringify(expected.slice(at, at + 60))}); run npm run build`);
  }
});

test('the term grammar is a Markdown injection that stays out of code, comments and link destinations', async () => {
  const grammar: Grammar = termGrammar(await shipped);
  assert.equal(grammar.scopeName, TERM_GRAMMAR_SCOPE);
  // No `L:` priority: at a tie the Markdown grammar must win, or a paragraph, list item or quote whose
  // first word is a term would never begin (its inline scopes would be lost).
  assert.match(grammar.injectionSelector, /^text\.html\.markdown /);
  for (const excluded of ['markup.fenced_code', 'markup.inline.raw', 'markup.raw', 'comment', 'markup.underline.link']) {
    assert.ok(grammar.injectionSelector.includes(` -${excluded}`), `${excluded} is not excluded`);
  }
  assert.equal(grammar.patterns.length, 1);
  assert.deepEqual(grammar.patterns[0].captures, { 1: { name: 'meta.term.oncoterm' }, 2: { name: 'meta.term.abbreviation.oncoterm' } });
});

/**
 * The Oniguruma pattern as a JavaScript RegExp (the generator only uses syntax both share, apart
 * from `\x{...}`), so matching can be checked without vscode-textmate.
 */
async function termsIn(text: string): Promise<string[]> {
  const source = termGrammar(await shipped).patterns[0].match.replace(/\\x\{([0-9a-f]+)\}/g, '\\u{$1}');
  const re = new RegExp(source, 'gu');
  return [...text.matchAll(re)].map((m) => (m[2] !== undefined ? `${m[0]} (abbreviation)` : m[0]));
}

test('terms match whole words in any case, with derived plurals and spellings, longest first', async () => {
  assert.deepEqual(await termsIn('The Tumour Microenvironments of primary tumors; METASTASIS and a _biomarker_.'), [
    'Tumour Microenvironments',
    'primary tumors',
    'METASTASIS',
    'biomarker',
  ]);
  assert.deepEqual(await termsIn('tumorous premetastatic'), []);
  assert.deepEqual(await termsIn('pre-metastatic niche, premetastatic niches'), ['pre-metastatic niche', 'premetastatic niches']);
});

test('abbreviations match in their exact case only', async () => {
  assert.deepEqual(await termsIn('A CT scan found HER2 and EGFR; her2 and egfr are not abbreviations.'), ['CT scan', 'HER2 (abbreviation)', 'EGFR (abbreviation)']);
});
