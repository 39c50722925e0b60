import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { applyEdits, defineAll, fixesForFinding, insertGlossary } from '../../server/src/core/fixes/fixes';
import { analyze } from './helpers';

/** Apply the fix titled `title` (a prefix is enough) for the finding on `written`, and return the new text. */
function applyFix(before: string, written: string, title: string): string {
  const a = analyze(before);
  const finding = a.findings.find((f) => before.slice(f.start, f.end) === written);
  assert.ok(finding, `no finding on ${written}: ${a.findings.map((f) => before.slice(f.start, f.end)).join(', ')}`);
  const fixes = fixesForFinding(a, finding);
  const fix = fixes.find((f) => f.title.startsWith(title));
  assert.ok(fix, `no fix "${title}" among: ${fixes.map((f) => f.title).join(' | ')}`);
  return applyEdits(before, fix.edits);
}

test('explain in place inserts the short gloss after the term', () => {
  assert.equal(applyFix('He had osteosarcoma last year.', 'osteosarcoma', "Explain 'osteosarcoma' in place"),
    'He had osteosarcoma (a cancer that starts in bone) last year.');
  assert.equal(applyFix('He had *osteosarcoma* once.', 'osteosarcoma', 'Explain'), 'He had *osteosarcoma* (a cancer that starts in bone) once.');
});

test('a footnote fix adds a reference and the footnote text with its source', () => {
  assert.equal(applyFix('He had osteosarcoma.\n', 'osteosarcoma', 'Add a footnote'),
    'He had osteosarcoma[^osteosarcoma].\n\n[^osteosarcoma]: **osteosarcoma**: A cancer that starts in bone, most often in teenagers. Source: [NCI Dictionary of Cancer Terms](https://www.cancer.gov/publications/dictionaries/cancer-terms/def/45395).\n');
});

test('a placeholder link gets its source URL filled in', () => {
  assert.equal(applyFix('A bone cancer called [osteosarcoma](#).', '[osteosarcoma](#)', 'Link to NCI'),
    'A bone cancer called [osteosarcoma](https://www.cancer.gov/publications/dictionaries/cancer-terms/def/45395).');
  assert.equal(applyFix('By [our team](#) today.', '[our team](#)', 'Remove the empty link'), 'By our team today.');
});

test('link the term to its source', () => {
  assert.equal(applyFix('He had osteosarcoma.', 'osteosarcoma', "Link 'osteosarcoma'"),
    'He had [osteosarcoma](https://www.cancer.gov/publications/dictionaries/cancer-terms/def/45395).');
});

test('add to the Glossary section, creating it when missing', () => {
  assert.equal(applyFix('He had osteosarcoma.\n', 'osteosarcoma', "Add 'osteosarcoma' to"),
    'He had osteosarcoma.\n\n## Glossary\n\n- **osteosarcoma**: A cancer that starts in bone, most often in teenagers. [NCI Dictionary of Cancer Terms](https://www.cancer.gov/publications/dictionaries/cancer-terms/def/45395)\n');
  const withSection = 'He had carcinoma.\n\n## Glossary\n\n- **osteosarcoma**: bone cancer\n\n## Notes\n\nEnd.\n';
  assert.equal(applyFix(withSection, 'carcinoma', "Add 'carcinoma' to"),
    'He had carcinoma.\n\n## Glossary\n\n- **osteosarcoma**: bone cancer\n- **carcinoma**: Cancer that begins in the cells that line or cover organs. [NCI Dictionary of Cancer Terms](https://www.cancer.gov/publications/dictionaries/cancer-terms/def/45963)\n\n## Notes\n\nEnd.\n');
});

test('spell out an abbreviation at its first use', () => {
  assert.equal(applyFix('The TME matters.', 'TME', "Spell out 'TME'"), 'The tumor microenvironment (TME: the cells and vessels around a tumor) matters.');
  assert.equal(applyFix('The tumor microenvironment (the cells around a tumor) matters. The TME.', 'TME', 'Spell out'),
    'The tumor microenvironment (the cells around a tumor) matters. The tumor microenvironment (TME).');
});

test('ignore in this document adds or extends the directive', () => {
  assert.equal(applyFix('He had osteosarcoma.', 'osteosarcoma', "Ignore 'osteosarcoma' in this document"), '<!-- oncoterm-ignore: osteosarcoma -->\n\nHe had osteosarcoma.');
  assert.equal(applyFix('<!-- oncoterm-ignore: carcinoma -->\n\nHe had osteosarcoma.', 'osteosarcoma', "Ignore 'osteosarcoma' in this document"), '<!-- oncoterm-ignore: carcinoma, osteosarcoma -->\n\nHe had osteosarcoma.');
});

test('fixes keep CRLF line endings', () => {
  assert.equal(applyFix('He had osteosarcoma.\r\n', 'osteosarcoma', 'Add a footnote').includes('\r\n\r\n[^osteosarcoma]:'), true);
});

test('define all explains every finding, and a second run changes nothing', () => {
  const before = 'The TME and [osteosarcoma](#) and carcinoma.\n\nLater, carcinoma again.\n';
  const once = applyEdits(before, defineAll(analyze(before)));
  assert.equal(once, 'The tumor microenvironment (TME: the cells and vessels around a tumor) and [osteosarcoma](https://www.cancer.gov/publications/dictionaries/cancer-terms/def/45395) (a cancer that starts in bone) and carcinoma (cancer that starts in the lining of organs).\n\nLater, carcinoma again.\n');
  assert.deepEqual(analyze(once).findings.map((f) => f.code), []);
  assert.deepEqual(defineAll(analyze(once)), []);
});

test('insert glossary lists the terms used, alphabetically, once', () => {
  const before = 'Osteosarcoma and carcinoma and cancer.\n';
  const once = applyEdits(before, insertGlossary(analyze(before)));
  assert.equal(once, 'Osteosarcoma and carcinoma and cancer.\n\n## Glossary\n\n- **carcinoma**: Cancer that begins in the cells that line or cover organs. [NCI Dictionary of Cancer Terms](https://www.cancer.gov/publications/dictionaries/cancer-terms/def/45963)\n- **osteosarcoma**: A cancer that starts in bone, most often in teenagers. [NCI Dictionary of Cancer Terms](https://www.cancer.gov/publications/dictionaries/cancer-terms/def/45395)\n');
  assert.deepEqual(insertGlossary(analyze(once)), []);
});

test('regression (found by fuzzing): a gloss that names another term does not make define-all run forever', () => {
  const once = applyEdits('NSCLC', defineAll(analyze('NSCLC')));
  assert.equal(once, 'non-small cell lung cancer (NSCLC: the most common kind of lung cancer)');
  assert.deepEqual(analyze(once).findings, []);
  assert.deepEqual(defineAll(analyze(once)), []);
});

test('regression (found by fuzzing): a term next to an abbreviation is not taken for part of a proper name', () => {
  assert.deepEqual(analyze('Osteosarcoma TME').findings.map((f) => f.code), ['undefined-term', 'undefined-abbreviation']);
});

test('regression (found by fuzzing): a term in a reference link without a definition can still be explained in place', () => {
  const once = applyEdits('[osteosarcoma]', defineAll(analyze('[osteosarcoma]')));
  assert.equal(once, '[osteosarcoma] (a cancer that starts in bone)');
  assert.deepEqual(analyze(once).findings, []);
});

test('regression (found by fuzzing): an explanation right after a term inside a link text counts', () => {
  const doc = '[TME```md\n](#)';
  const once = applyEdits(doc, defineAll(analyze(doc)));
  assert.deepEqual(defineAll(analyze(once)), []);
});

test('regression (found by fuzzing): terms in the gloss after a linked term are part of its explanation', () => {
  const once = applyEdits('[non-small cell lung cancer](#)', defineAll(analyze('[non-small cell lung cancer](#)')));
  assert.match(once, /^\[non-small cell lung cancer\]\(https:.+\) \(the most common kind of lung cancer\)$/);
  assert.deepEqual(defineAll(analyze(once)), []);
});

test('regression (found by fuzzing): two glosses in a row after one link both count as explanation', () => {
  const doc = '[non-small cell lung cancer# osteosarcoma]';
  const once = applyEdits(doc, defineAll(analyze(doc)));
  assert.deepEqual(defineAll(analyze(once)), []);
});
