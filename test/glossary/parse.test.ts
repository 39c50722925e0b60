import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { mergeGlossaries } from '../../server/src/core/glossary/glossary';
import { parseGlossary } from '../../server/src/core/glossary/parse';
import { analyzeText } from '../../server/src/core/document';

const problemsOf = (yaml: string) => parseGlossary(yaml, 'user.yaml').problems.map((p) => `${p.line + 1}: ${p.message}`);

test('a malformed YAML glossary reports the line and keeps the valid entries', () => {
  const yaml = '- term: osteosarcoma\n  definition: A bone cancer.\n  sources: [{nci: 45395}]\n- term: [unclosed\n  definition: x\n';
  const file = parseGlossary(yaml, 'user.yaml');
  assert.deepEqual(file.entries.map((e) => e.term), ['osteosarcoma']);
  assert.ok(file.problems.length > 0);
  assert.ok(file.problems.every((p) => p.line >= 3), JSON.stringify(file.problems));
});

test('an entry without a definition is reported at its line and skipped; the others load', () => {
  const yaml = '- term: osteosarcoma\n  definition: A bone cancer.\n  sources: [{nci: 45395}]\n- term: carcinoma\n  level: technical\n';
  const file = parseGlossary(yaml, 'user.yaml');
  assert.deepEqual(file.entries.map((e) => e.id), ['osteosarcoma']);
  assert.deepEqual(file.problems.map((p) => [p.line + 1, p.message]), [[4, '"carcinoma" needs a "definition" (text)']]);
});

test('unsafe or malformed sources are refused with a message at the source', () => {
  const yaml = '- term: osteosarcoma\n  definition: A bone cancer.\n  sources:\n    - url: "javascript:alert(1)"\n    - url: "command:workbench.action.quit"\n    - nci: abc\n    - url: https://www.cancer.gov/x\n';
  const file = parseGlossary(yaml, 'user.yaml');
  assert.deepEqual(file.entries[0].sources.map((s) => s.url), ['https://www.cancer.gov/x']);
  assert.deepEqual(file.problems.map((p) => p.line + 1), [4, 4, 4]);
});

test('not a list, a scalar item, unknown fields and bad levels are reported', () => {
  assert.deepEqual(problemsOf('term: x\n'), ['1: a glossary is a YAML list of entries (each item starts with "- ")']);
  assert.deepEqual(problemsOf('- just text\n'), ['1: each glossary item must be a mapping with at least term and definition']);
  assert.deepEqual(problemsOf('- term: x\n  definition: y.\n  colour: red\n  level: expert\n  sources: [{nci: 1}]\n'), [
    '3: unknown field "colour"', '4: level must be one of everyday, technical, specialist; "expert" is read as technical',
  ]);
});

test('YAML alias bombs are refused, not expanded', () => {
  const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]', 'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]', 'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]', 'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]', 'e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]'].join('\n');
  const yaml = `- term: x\n  definition: y.\n  aliases: ${'[]'}\n- ${bomb.split('\n').join('\n  ')}\n  term: z\n  definition: w.\n`;
  const started = Date.now();
  const file = parseGlossary(yaml, 'bomb.yaml');
  assert.ok(Date.now() - started < 2000);
  assert.ok(file.problems.length > 0);
  assert.deepEqual(file.entries.map((e) => e.term), ['x']);
});

test('terms that look like regular expressions are matched literally', () => {
  const file = parseGlossary('- term: "c++ (.*) [a-z]+"\n  definition: A test term.\n- term: "HER2+"\n  definition: A test.\n  abbreviations: ["HER2+"]\n', 'user.yaml');
  const glossary = mergeGlossaries([file]);
  const a = analyzeText('about c and HER2 and aaa', glossary);
  assert.equal(a.occurrences.length, 1);
});

test('CSV and TSV glossaries with term,definition,url', () => {
  const csv = parseGlossary('term,definition,url\nKlf4,"A gene that controls other genes, named Kruppel-like factor 4.",https://www.ncbi.nlm.nih.gov/gene/9314\n', 'mine.csv');
  assert.deepEqual(csv.entries.map((e) => [e.term, e.sources[0]?.url]), [['Klf4', 'https://www.ncbi.nlm.nih.gov/gene/9314']]);
  const tsv = parseGlossary('Klf4\tA gene.\t\n', 'mine.tsv');
  assert.deepEqual(tsv.entries.map((e) => e.term), ['Klf4']);
});

test('later glossaries override earlier ones by id or term', () => {
  const builtin = parseGlossary('- id: osteosarcoma\n  term: osteosarcoma\n  definition: Old.\n', 'a.yaml');
  const user = parseGlossary('- term: Osteosarcoma\n  definition: New words.\n', 'b.yaml');
  const g = mergeGlossaries([builtin, user]);
  assert.deepEqual(g.entries.map((e) => e.definition), ['New words.']);
});
