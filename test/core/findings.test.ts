import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { analyze, findings } from './helpers';

test('an unexplained technical term is reported at its first use only', () => {
  assert.deepEqual(findings('Osteosarcoma grows. Osteosarcoma spreads.'), ['undefined-term: Osteosarcoma']);
});

test('everyday words are never reported for the general public', () => {
  assert.deepEqual(findings('Cancer is common.'), []);
});

test('the naming pattern explains a term: a bone cancer called osteosarcoma', () => {
  assert.deepEqual(findings('Dogs get a type of bone cancer called osteosarcoma.'), []);
  assert.deepEqual(findings('Dogs get a bone cancer known as [osteosarcoma](#).'), ['placeholder-link: [osteosarcoma](#)']);
  assert.deepEqual(findings('This area, called the pre-metastatic niche, matters.'), []);
});

test('a parenthetical or appositive explains a term', () => {
  assert.deepEqual(findings('Osteosarcoma (a bone cancer) is rare.'), []);
  assert.deepEqual(findings('He had osteosarcoma, a cancer of the bone.'), []);
  assert.deepEqual(findings('Dogs with osteosarcoma (2017) were treated.'), ['undefined-term: osteosarcoma']);
});

test('a link with a real destination explains a term; a placeholder does not', () => {
  assert.deepEqual(findings('See [osteosarcoma](https://www.cancer.gov/x).'), []);
  assert.deepEqual(findings('See [osteosarcoma](#).'), ['placeholder-link: [osteosarcoma](#)', 'undefined-term: osteosarcoma']);
});

test('a footnote, an abbr title, a defining sentence or a Glossary section explains a term', () => {
  assert.deepEqual(findings('He had osteosarcoma[^1].\n\n[^1]: A bone cancer.\n'), []);
  assert.deepEqual(findings('He had <abbr title="a bone cancer">osteosarcoma</abbr>.'), []);
  assert.deepEqual(findings('Perivascular cells are a small group of cells around vessels.'), []);
  assert.deepEqual(findings('Osteosarcoma is a cancer of the bone.'), []);
  assert.deepEqual(findings('He had osteosarcoma.\n\n## Glossary\n\n- **osteosarcoma**: a bone cancer\n'), []);
});

test('a term explained only later gets the milder finding, pointing at the explanation', () => {
  const doc = 'Stop the pre-metastatic niches.\n\nThis area, called the pre-metastatic niche, matters.';
  const a = analyze(doc);
  assert.deepEqual(a.findings.map((f) => f.code), ['defined-after-use']);
  const [finding] = a.findings;
  assert.equal(finding.severity, 'information');
  assert.equal(doc.slice(finding.related[0].start, finding.related[0].end), 'pre-metastatic niche');
  assert.match(finding.message, /explained only later \(line 3\)/);
});

test('abbreviations need their expansion before first use', () => {
  assert.deepEqual(findings('The TME matters.'), ['undefined-abbreviation: TME']);
  assert.deepEqual(findings('The tumor microenvironment (TME) matters. The TME changes.'), ['undefined-term: tumor microenvironment']);
  assert.deepEqual(findings('The TME (tumor microenvironment) matters.'), ['undefined-term: tumor microenvironment']);
  assert.deepEqual(findings('The TME matters. The tumor microenvironment (TME) is all around.'), ['undefined-abbreviation: TME', 'undefined-term: tumor microenvironment']);
});

test('a placeholder link is reported, with or without a known term', () => {
  assert.deepEqual(findings('By [National Cancer Institute](#) and [see this]().'), [
    'placeholder-link: [National Cancer Institute](#)', 'placeholder-link: [see this]()',
  ]);
});

test('the audience decides which levels need explaining', () => {
  const doc = 'Osteosarcoma and the pre-metastatic niche.';
  assert.deepEqual(findings(doc, { audience: 'general' }), ['undefined-term: Osteosarcoma', 'undefined-term: pre-metastatic niche']);
  assert.deepEqual(findings(doc, { audience: 'clinician' }), ['undefined-term: pre-metastatic niche']);
  assert.deepEqual(findings(doc, { audience: 'researcher' }), []);
});

test('severity settings change or turn off a finding', () => {
  const a = analyze('Osteosarcoma.', { severities: { 'undefined-term': 'error', 'defined-after-use': 'off', 'placeholder-link': 'off', 'undefined-abbreviation': 'off', 'inconsistent-spelling': 'off' } });
  assert.deepEqual(a.findings.map((f) => `${f.code}/${f.severity}`), ['undefined-term/error']);
  assert.deepEqual(findings('Osteosarcoma.', { severities: { 'undefined-term': 'off', 'defined-after-use': 'off', 'placeholder-link': 'off', 'undefined-abbreviation': 'off', 'inconsistent-spelling': 'off' } }), []);
});

test('ignored terms, ignore directives and disabled regions are not reported', () => {
  assert.deepEqual(findings('Osteosarcoma and carcinoma.', { ignoredTerms: ['osteosarcoma'] }), ['undefined-term: carcinoma']);
  assert.deepEqual(findings('<!-- oncoterm-ignore: carcinoma, TME -->\n\nOsteosarcoma and carcinoma and TME.'), ['undefined-term: Osteosarcoma']);
  assert.deepEqual(findings('<!-- oncoterm-disable -->\n\nOsteosarcoma.\n\n<!-- oncoterm-enable -->\n\nCarcinoma.'), ['undefined-term: Carcinoma']);
});

test('code and inline code never produce findings', () => {
  assert.deepEqual(findings('Use `osteosarcoma` here.\n\n```md\nThe TME and [carcinoma](#).\n```\n'), []);
});

test('headings and proper names are not first uses', () => {
  assert.deepEqual(findings('# Osteosarcoma\n\nOsteosarcoma (a bone cancer) is rare.'), []);
  assert.deepEqual(findings('She leads the Tumor Microenvironment Section at NCI.'), []);
});

test('a document that mixes US and UK spellings is told so', () => {
  assert.deepEqual(findings('Leukemia (a blood cancer), leukemia and leukaemia.'), ['inconsistent-spelling: leukaemia']);
});

test('a defining sentence may name a kind before saying what it is: "Perivascular cells are cells that wrap around vessels"', () => {
  assert.deepEqual(findings('Perivascular cells are cells that wrap around small blood vessels.'), []);
  assert.deepEqual(findings('Osteosarcoma is notoriously difficult to treat.'), ['undefined-term: Osteosarcoma']);
});

test('messages quote a term that crosses a line break on one line', () => {
  const [finding] = analyze('The tumor\nmicroenvironment matters.').findings;
  assert.equal(finding.message, "'tumor microenvironment' is not explained for readers; add a definition or a link");
});
