import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { terms } from './helpers';

test('neoadjuvant therapy is one term, not adjuvant therapy', () => {
  assert.deepEqual(terms('Neoadjuvant therapy came first.'), ['Neoadjuvant therapy -> neoadjuvant-therapy']);
});

test('the longest match wins: non-small cell lung cancer beats lung cancer', () => {
  assert.deepEqual(terms('She has non-small cell lung cancer.'), ['non-small cell lung cancer -> non-small-cell-lung-cancer']);
  assert.deepEqual(terms('She has non-small-cell lung cancer.'), ['non-small-cell lung cancer -> non-small-cell-lung-cancer']);
  assert.deepEqual(terms('Lung cancer is common.'), ['Lung cancer -> lung-cancer']);
});

test('derived plurals, Latin and Greek included', () => {
  assert.deepEqual(terms('Metastases and carcinomas and osteosarcomata.'), [
    'Metastases -> metastasis', 'carcinomas -> carcinoma', 'osteosarcomata -> osteosarcoma',
  ]);
  assert.deepEqual(terms('perivascular cells'), ['perivascular cells -> perivascular-cell']);
});

test('US and UK spellings of the same term', () => {
  assert.deepEqual(terms('tumour microenvironment, leukaemia, localised'), [
    'tumour microenvironment -> tumor-microenvironment', 'leukaemia -> leukemia', 'localised -> localized',
  ]);
});

test('hyphen, space and joined variants', () => {
  assert.deepEqual(terms('the premetastatic niche and the pre metastatic niche'), [
    'premetastatic niche -> pre-metastatic-niche', 'pre metastatic niche -> pre-metastatic-niche',
  ]);
});

test('terms are case-insensitive, abbreviations are not', () => {
  assert.deepEqual(terms('OSTEOSARCOMA and ALL but not all or All'), ['OSTEOSARCOMA -> osteosarcoma', 'ALL -> acute-lymphoblastic-leukemia']);
});

test('whole words only', () => {
  assert.deepEqual(terms('cancerous and metastasisx and xcancer'), []);
});

test('a term may cross a soft line break and emphasis marks', () => {
  assert.deepEqual(terms('the tumor\nmicroenvironment and the *tumor* microenvironment'), [
    'tumor\nmicroenvironment -> tumor-microenvironment', 'tumor* microenvironment -> tumor-microenvironment',
  ]);
});

test('a term does not run across punctuation, a code span or a link bracket', () => {
  assert.deepEqual(terms('tumor. Microenvironment; lung `x` cancer; [lung] cancer'), ['cancer -> cancer', 'cancer -> cancer']);
});

test('possessives and aliases', () => {
  assert.deepEqual(terms("Hodgkin's lymphoma and the osteosarcoma's growth"), [
    "Hodgkin's lymphoma -> hodgkin-lymphoma", 'osteosarcoma -> osteosarcoma',
  ]);
});

test('code, HTML, URLs, front matter and math are never prose', () => {
  const doc = [
    '---', 'title: osteosarcoma', '---', '',
    'Inline `osteosarcoma` code and <span title="carcinoma">x</span> and https://example.org/carcinoma and $metastasis$.',
    '', '```', 'osteosarcoma', '```', '', '    carcinoma indented code', '', '<div>', 'metastasis', '</div>', '',
    '$$', 'leukemia', '$$', '', '[link text](https://example.org/osteosarcoma "carcinoma title")', '',
  ].join('\n');
  assert.deepEqual(terms(doc), []);
});

test('link texts, headings, list items, tables, block quotes and footnotes are prose', () => {
  const doc = '# Osteosarcoma\n\n- carcinoma item\n\n| a |\n|---|\n| leukemia |\n\n> metastasis quoted\n\nText[^1].\n\n[^1]: About localized disease.\n\n[lung cancer](https://example.org)\n';
  assert.deepEqual(terms(doc), [
    'Osteosarcoma -> osteosarcoma', 'carcinoma -> carcinoma', 'leukemia -> leukemia', 'metastasis -> metastasis',
    'localized -> localized', 'lung cancer -> lung-cancer',
  ]);
});

test('positions are UTF-16 offsets, right after emoji and with CRLF line endings', () => {
  const doc = '🧬🧬 The osteosarcoma\r\nand 😀 carcinoma\r\n';
  const found = terms(doc);
  assert.deepEqual(found, ['osteosarcoma -> osteosarcoma', 'carcinoma -> carcinoma']);
});

test('a term written as an acronym is matched in its exact case: EGFR the gene is not eGFR the kidney test', async () => {
  const { mergeGlossaries } = await import('../../server/src/core/glossary/glossary');
  const { parseGlossary } = await import('../../server/src/core/glossary/parse');
  const { analyzeText } = await import('../../server/src/core/document');
  const g = mergeGlossaries([parseGlossary('- term: EGFR\n  definition: A gene.\n- term: estimated glomerular filtration rate\n  abbreviations: [eGFR]\n  definition: A kidney test.\n', 'g.yaml')]);
  const a = analyzeText('EGFR and eGFR and egfr.', g);
  assert.deepEqual(a.occurrences.map((o) => `${a.text.slice(o.start, o.end)} -> ${g.entries[o.entry].term}`), ['EGFR -> EGFR', 'eGFR -> estimated glomerular filtration rate']);
});
