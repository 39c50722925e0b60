import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { IncrementalAnalyzer, mapRange } from '../../server/src/core/incremental';
import { DEFAULT_OPTIONS } from '../../server/src/core/options';
import { analyze, testGlossary, visible } from './helpers';

const DOC = [
  '---', 'title: test', '---', '',
  '# Osteosarcoma in dogs', '',
  'Large dogs get a bone cancer called osteosarcoma. The TME matters; see [metastasis](#) and [carcinoma][ref].', '',
  '- leukemia item', '- the tumor microenvironment (TME) item', '',
  '| a | b |', '|---|---|', '| lung cancer | non-small cell lung cancer |', '',
  '> quoted pre-metastatic niche', '',
  'Footnoted carcinoma[^1] and `code osteosarcoma`.', '',
  '```', 'metastasis in code', '```', '',
  '[^1]: Cancer of the lining of organs.', '',
  '[ref]: https://example.org/carcinoma', '',
  '## Glossary', '', '- **leukemia**: blood cancer', '',
].join('\n');

/** A small deterministic PRNG so failures reproduce. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const SNIPPETS = ['osteosarcoma', ' ', '\n', '\n\n', '# ', '- ', '`', '[', '](#)', '(a bone cancer)', 'TME', 'tumor ', 'microenvironment', '*', '---\n', '| x |\n', '[^1]', ' called ', 'metastases', ''];

test('after any sequence of edits the incremental analysis equals a from-scratch analysis', () => {
  for (let seed = 1; seed <= 40; seed++) {
    const rand = random(seed);
    const analyzer = new IncrementalAnalyzer(testGlossary());
    let text = DOC;
    analyzer.update(text, undefined, DEFAULT_OPTIONS);
    for (let step = 0; step < 25; step++) {
      const start = Math.floor(rand() * (text.length + 1));
      const end = Math.min(text.length, start + Math.floor(rand() * 6) * (rand() < 0.5 ? 0 : 1));
      const insert = SNIPPETS[Math.floor(rand() * SNIPPETS.length)];
      text = text.slice(0, start) + insert + text.slice(end);
      const incremental = analyzer.update(text, [[{ start, end, text: insert }]], DEFAULT_OPTIONS);
      assert.deepEqual(visible(incremental), visible(analyze(text)), `seed ${seed}, step ${step}: edit ${start}-${end} ${JSON.stringify(insert)}`);
    }
  }
});

test('an edit re-analyses only the blocks it touches', () => {
  const analyzer = new IncrementalAnalyzer(testGlossary());
  analyzer.update(DOC, undefined, DEFAULT_OPTIONS);
  const at = DOC.indexOf('leukemia item');
  analyzer.update(DOC.slice(0, at) + 'x' + DOC.slice(at), [[{ start: at, end: at, text: 'x' }]], DEFAULT_OPTIONS);
  assert.ok(analyzer.lastStats.reused >= analyzer.lastStats.blocks - 2, JSON.stringify(analyzer.lastStats));
});

test('several edits between two analyses (one step each) are composed', () => {
  const analyzer = new IncrementalAnalyzer(testGlossary());
  analyzer.update(DOC, undefined, DEFAULT_OPTIONS);
  const first = DOC.indexOf('Large');
  const text1 = DOC.slice(0, first) + 'Very ' + DOC.slice(first);
  const second = text1.indexOf('quoted');
  const text2 = text1.slice(0, second) + text1.slice(second + 7);
  const result = analyzer.update(text2, [[{ start: first, end: first, text: 'Very ' }], [{ start: second, end: second + 7, text: '' }]], DEFAULT_OPTIONS);
  assert.deepEqual(visible(result), visible(analyze(text2)));
});

test('mapRange keeps ranges before a change, shifts ranges after it and drops ranges it touches', () => {
  const steps = [[{ start: 10, end: 12, text: 'abcd' }]];
  assert.deepEqual(mapRange(0, 5, steps), [0, 5]);
  assert.deepEqual(mapRange(20, 30, steps), [22, 32]);
  assert.equal(mapRange(5, 10, steps), null);
  assert.equal(mapRange(11, 11, steps), null);
});

test('regression (found by fuzzing): editing a table delimiter row after a line with trailing spaces re-parses the paragraph above', () => {
  const analyzer = new IncrementalAnalyzer(testGlossary());
  let text = 'osteosarcoma`x (a bone cancer) \r\n| a | b |\n|---|---|\n`x';
  analyzer.update(text, undefined, DEFAULT_OPTIONS);
  const at = text.indexOf('|---|') + 3;
  text = text.slice(0, at) + ' ' + text.slice(at);
  assert.deepEqual(visible(analyzer.update(text, [[{ start: at, end: at, text: ' ' }]], DEFAULT_OPTIONS)), visible(analyze(text)));
});

test('composeSteps covers every change of several steps in one change of the original text', async () => {
  const { composeSteps } = await import('../../server/src/core/markdown/parse');
  const random = (seed: number) => () => ((seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32);
  for (let seed = 1; seed < 300; seed++) {
    const r = random(seed);
    const original = 'abcdefghijklmnopqrstuvwxyz0123456789';
    let text = original;
    const steps = [];
    for (let k = 0; k < 1 + Math.floor(r() * 4); k++) {
      const start = Math.floor(r() * (text.length + 1));
      const end = Math.min(text.length, start + Math.floor(r() * 4));
      const insert = 'XY'.slice(0, Math.floor(r() * 3));
      steps.push([{ start, end, text: insert }]);
      text = text.slice(0, start) + insert + text.slice(end);
    }
    const c = composeSteps(steps, text)!;
    assert.equal(original.slice(0, c.start) + c.text + original.slice(c.end), text, `seed ${seed}`);
  }
});
