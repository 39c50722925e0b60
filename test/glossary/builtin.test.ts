import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { mergeGlossaries, lookupEntry } from '../../server/src/core/glossary/glossary';
import { analyzeText } from '../../server/src/core/document';
// @ts-expect-error plain ES module shared with the npm scripts
import { compileGlossary } from '../../scripts/glossary-lib.mjs';
// @ts-expect-error plain ES module shared with the npm scripts
import { checkGlossary } from '../../scripts/glossary-checks.mjs';
import type { GlossaryFile } from '../../server/src/core/glossary/parse';

const compiled: Promise<{ files: GlossaryFile[]; entries: number }> = compileGlossary('glossary');

test('every built-in glossary file passes the checks (schema, unique ids and names, word and sentence limits, sources, related ids)', async () => {
  const { files } = await compiled;
  assert.deepEqual(checkGlossary(files), []);
});

test('the built-in glossary has at least 3,000 entries', async () => {
  const { entries } = await compiled;
  assert.ok(entries >= 3000, `only ${entries} entries`);
});

/** The dictionary-style terms an NCI editor linked in the sample interview that started the project. */
const INTERVIEW_TERMS = [
  'localized', 'genetic', 'resistant', 'tumor microenvironment', 'primary tumor', 'epigenetic', 'precision medicine',
  'targeted therapy', 'immune system', 'osteosarcoma', 'adjuvant therapy', 'neoadjuvant therapy', 'biomarker', 'metastasis',
  'pre-metastatic niche', 'perivascular cell', 'plasticity', 'mouse model',
];

test("the sample interview's dictionary-style terms all resolve to an entry with a definition", async () => {
  const glossary = mergeGlossaries((await compiled).files);
  for (const term of INTERVIEW_TERMS) {
    const a = analyzeText(`About ${term} today.`, glossary);
    const occ = a.occurrences.find((o) => a.text.slice(o.start, o.end) === term);
    assert.ok(occ, `"${term}" is not recognised`);
    assert.ok(glossary.entries[occ.entry].definition.length > 20, `"${term}" has no real definition`);
  }
  assert.equal(lookupEntry(glossary, 'osteosarcoma')?.sources[0].nci, 45395);
});

test('no definition in the built-in glossary contains markup, HTML or a link', async () => {
  const { files } = await compiled;
  for (const f of files) for (const e of f.entries) assert.doesNotMatch(e.definition, /<[a-z/]|\]\(|https?:/i, e.id);
});

test('every built-in glossary file validates against glossary/glossary.schema.json', async () => {
  const { default: Ajv } = await import('ajv');
  const { readFileSync, readdirSync } = await import('node:fs');
  const { parse } = await import('yaml');
  const ajv = new Ajv({ allErrors: true });
  const validate = ajv.compile(JSON.parse(readFileSync('glossary/glossary.schema.json', 'utf8')));
  for (const name of readdirSync('glossary').filter((f) => f.endsWith('.yaml'))) {
    const valid = validate(parse(readFileSync(`glossary/${name}`, 'utf8')));
    assert.ok(valid, `${name}: ${ajv.errorsText(validate.errors?.slice(0, 5))}`);
  }
  assert.equal(validate([{ term: 'x', definition: 'y', level: 'expert' }]), false);
});

test('the index rebuilt from the recording shipped in dist/glossary.json matches exactly what deriving every form matches', async () => {
  const { TermIndex } = await import('../../server/src/core/glossary/terms-index');
  const { tokenizeRuns } = await import('../../server/src/core/text/tokens');
  const { files } = await compiled;
  const entries = mergeGlossaries(files).entries;
  const recording = new TermIndex(entries, undefined, true).recording()!;
  const replayed = new TermIndex(entries, JSON.parse(JSON.stringify(recording)));
  const derived = new TermIndex(entries);
  assert.equal(replayed.size, derived.size);
  const text = 'Tumour microenvironments, the TME, metastases, leukaemia, non-small-cell lung cancers, HER2-positive breast cancer, PD-L1 and EGFR and eGFR, pre-metastatic niches, osteosarcomata.';
  const tokens = tokenizeRuns(text, [{ start: 0, end: text.length, joinPrevious: false }]);
  assert.deepEqual(replayed.matchTokens(tokens, []), derived.matchTokens(tokens, []));
  assert.ok(derived.matchTokens(tokens, []).length >= 10);
});
