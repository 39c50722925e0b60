import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { run } from '../../server/src/cli/main';

/** Run the CLI in-process in `cwd`, capturing its output. */
async function cli(argv: string[], cwd: string): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await run(argv, { stdout: (t) => (out += t), stderr: (t) => (err += t), cwd });
  return { code, out, err };
}

const created: string[] = [];
after(() => {
  for (const dir of created) rmSync(dir, { recursive: true, force: true });
});

function workspace(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'oncoterm-cli-'));
  created.push(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

test('check prints file:line:col findings and exits 1 when something is at warning level', async () => {
  const dir = workspace({ 'a.md': '# Note\n\nLarge dogs get osteosarcoma.\n' });
  const { code, out } = await cli(['check', 'a.md'], dir);
  assert.equal(code, 1);
  assert.match(out, /^a\.md:3:16 warning undefined-term 'osteosarcoma' is not explained/m);
  assert.match(out, /1 file\(s\) checked, 1 finding\(s\), 1 at warning level or above/);
});

test('check exits 0 when nothing is at warning level, and checks folders', async () => {
  const dir = workspace({ 'a.md': 'A bone cancer called osteosarcoma.\n', 'b.markdown': 'Cancer is common.\n', 'c.txt': 'osteosarcoma' });
  const { code, out } = await cli(['check', '.'], dir);
  assert.equal(code, 0, out);
  assert.match(out, /2 file\(s\) checked, 0 finding/);
});

test('check --format json prints one array with the documented fields', async () => {
  const dir = workspace({ 'a.md': 'He had [osteosarcoma](#).\n' });
  const { code, out } = await cli(['check', 'a.md', '--format', 'json'], dir);
  assert.equal(code, 1);
  const rows = JSON.parse(out);
  assert.deepEqual(rows.map((r: { code: string }) => r.code), ['placeholder-link', 'undefined-term']);
  assert.deepEqual(rows[1], {
    file: 'a.md', line: 0, character: 8, endLine: 0, endCharacter: 20, code: 'undefined-term', severity: 'warning',
    message: "'osteosarcoma' is not explained for readers; add a definition or a link", id: 'osteosarcoma', term: 'osteosarcoma', nci: 45395,
  });
});

test('terms --format json lists every occurrence with its NCI id', async () => {
  const dir = workspace({ 'a.md': 'Osteosarcoma and `metastasis`.\n' });
  const { code, out } = await cli(['terms', 'a.md', '--format', 'json'], dir);
  assert.equal(code, 0);
  assert.deepEqual(JSON.parse(out), [{ file: 'a.md', line: 0, character: 0, endLine: 0, endCharacter: 12, text: 'Osteosarcoma', id: 'osteosarcoma', term: 'osteosarcoma', nci: 45395 }]);
});

test('define prints an entry; an unknown term exits 1', async () => {
  const dir = workspace({});
  const found = await cli(['define', 'Osteosarcoma'], dir);
  assert.equal(found.code, 0);
  assert.match(found.out, /^osteosarcoma \[technical, cancer-type\]/);
  assert.match(found.out, /Source: NCI Dictionary of Cancer Terms <https:\/\/www\.cancer\.gov\/publications\/dictionaries\/cancer-terms\/def\/45395>/);
  assert.equal((await cli(['define', 'flibbertigibbet'], dir)).code, 1);
});

test('usage and configuration errors exit 2', async () => {
  const dir = workspace({ 'a.md': 'x' });
  assert.equal((await cli(['check', 'a.md', '--format', 'xml'], dir)).code, 2);
  assert.equal((await cli(['check', 'missing.md'], dir)).code, 2);
  assert.equal((await cli(['frobnicate'], dir)).code, 2);
  assert.equal((await cli(['check', 'a.md', '--audience', 'aliens'], dir)).code, 2);
  assert.equal((await cli(['check', 'a.md', '--glossary', 'nope.yaml'], dir)).code, 2);
});

test('.oncoterm.yaml sets the audience and adds a workspace glossary; --audience overrides it', async () => {
  const dir = workspace({
    '.oncoterm.yaml': 'audience: clinician\nglossaries: [team.yaml]\n',
    'team.yaml': '- term: Klf4\n  definition: A gene that switches other genes on and off.\n  level: specialist\n  sources: [{url: "https://www.ncbi.nlm.nih.gov/gene/9314"}]\n',
    'a.md': 'Osteosarcoma and Klf4.\n',
  });
  const clinician = await cli(['check', 'a.md', '--format', 'json'], dir);
  assert.deepEqual(JSON.parse(clinician.out).map((r: { term: string }) => r.term), ['Klf4']);
  const general = await cli(['check', 'a.md', '--format', 'json', '--audience', 'general'], dir);
  assert.deepEqual(JSON.parse(general.out).map((r: { term: string }) => r.term), ['osteosarcoma', 'Klf4']);
});

test('a workspace file cannot make the CLI read a glossary outside the workspace', async () => {
  const outside = workspace({ 'secret.yaml': '- term: Klf4\n  definition: x.\n' });
  const dir = workspace({ '.oncoterm.yaml': `glossaries: [${JSON.stringify(join(outside, 'secret.yaml'))}]\n`, 'a.md': 'Klf4.\n' });
  const { code, err } = await cli(['check', 'a.md'], dir);
  assert.equal(code, 2);
  assert.match(err, /outside the workspace/);
});

test('check --fix defines every term in place, and a second run finds nothing to fix', async () => {
  const dir = workspace({ 'a.md': 'Large dogs get osteosarcoma.\n' });
  await cli(['check', 'a.md', '--fix'], dir);
  const once = readFileSync(join(dir, 'a.md'), 'utf8');
  assert.match(once, /^Large dogs get osteosarcoma \(.+\)\.\n$/);
  const again = await cli(['check', 'a.md', '--fix'], dir);
  assert.equal(again.code, 0);
  assert.equal(readFileSync(join(dir, 'a.md'), 'utf8'), once);
});

test('the bundled CLI runs as a process with the documented exit codes', () => {
  const dir = workspace({ 'a.md': 'Large dogs get osteosarcoma.\n', 'b.md': 'Nothing to see.\n' });
  const cliPath = join(__dirname, '..', '..', 'dist', 'cli.js');
  assert.equal(spawnSync(process.execPath, [cliPath, 'check', 'a.md'], { cwd: dir }).status, 1);
  assert.equal(spawnSync(process.execPath, [cliPath, 'check', 'b.md'], { cwd: dir }).status, 0);
  assert.equal(spawnSync(process.execPath, [cliPath, 'check', '--format', 'nope', 'b.md'], { cwd: dir }).status, 2);
});

test('a file over the size limit is reported and skipped; the other files are still checked', async () => {
  const dir = workspace({ 'big.md': 'osteosarcoma '.repeat(2_000_000), 'small.md': 'Carcinoma.\n', '.oncoterm.yaml': 'maxDocumentSize: 1000000\n' });
  const { code, out, err } = await cli(['check', '.'], dir);
  assert.match(err, /big\.md: skipped, larger than oncoterm maxDocumentSize \(1000000 characters\)/);
  assert.match(out, /small\.md:1:1 warning undefined-term/);
  assert.equal(code, 1);
});

test('check over many files uses worker threads and reports exactly what a single thread reports', () => {
  const files: Record<string, string> = {};
  const paragraph = 'Large dogs get osteosarcoma and the TME matters. '.repeat(2000) + '\n';
  for (let i = 0; i < 40; i++) files[`doc${String(i).padStart(2, '0')}.md`] = `# Note ${i}\n\n${paragraph}\nAbout carcinoma number ${i}.\n`;
  const dir = workspace(files);
  const cliPath = join(__dirname, '..', '..', 'dist', 'cli.js');
  const threaded = spawnSync(process.execPath, [cliPath, 'check', '.', '--format', 'json'], { cwd: dir, encoding: 'utf8' });
  const single = spawnSync(process.execPath, [cliPath, 'check', '.', '--format', 'json', '--no-workers'], { cwd: dir, encoding: 'utf8' });
  assert.equal(threaded.status, 1);
  assert.equal(threaded.stdout, single.stdout);
  assert.equal(JSON.parse(threaded.stdout).length, 40 * 3);
});
