// `npm run bench:peers`: times oncoterm against cspell and textlint (+ textlint-rule-terminology with a
// 1,000-term list) on the same files, each as a whole process, and prints the ratios.
// The peers are installed into a temporary folder (never into this project's dependencies).
// Writes bench/PEERS.md. Options: --runs N (default 5).
import { execFileSync, execSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..');
const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 5;
const PEERS = join(tmpdir(), 'oncoterm-peers');

if (!existsSync(join(PEERS, 'node_modules', '.bin', 'textlint')) || !existsSync(join(PEERS, 'node_modules', '.bin', 'cspell'))) {
  mkdirSync(PEERS, { recursive: true });
  writeFileSync(join(PEERS, 'package.json'), '{"private":true}');
  console.log(`installing cspell@9.8.0, textlint and textlint-rule-terminology into ${PEERS} ...`);
  execSync('npm install --no-audit --no-fund --silent cspell@9.8.0 textlint@14 textlint-rule-terminology@5', { cwd: PEERS, stdio: 'inherit' });
}

// The same files for everyone: the benchmark generator's realistic Markdown.
const work = join(PEERS, 'work');
const corpus = (dir, count, seed) => execFileSync(process.execPath, ['--import', 'tsx', join(ROOT, 'bench', 'write-corpus.ts'), dir, String(count), '10000', String(seed)], { cwd: ROOT });
corpus(join(work, 'one'), 1, 42);
corpus(join(work, 'many'), 100, 500);

// textlint-rule-terminology with 1,000 terms from the built-in glossary.
const glossary = JSON.parse(readFileSync(join(ROOT, 'dist', 'glossary.json'), 'utf8'));
const terms = glossary.files.flatMap((f) => f.entries.map((e) => e.term)).filter((t) => /^[\w -]+$/.test(t)).slice(0, 1000);
writeFileSync(join(work, '.textlintrc.json'), JSON.stringify({ rules: { terminology: { defaultTerms: false, terms } } }));

function time(cmd, args, cwd) {
  const samples = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    const r = spawnSync(cmd, args, { cwd, stdio: 'ignore' });
    samples.push(performance.now() - t);
    if (r.error) throw r.error;
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)];
}

const bin = (name) => join(PEERS, 'node_modules', '.bin', name);
const cli = join(ROOT, 'dist', 'cli.js');
const cases = [
  ['one 10 KB file', ['one/a0.md']],
  ['100 files of 10 KB', ['many']],
];
const rows = [];
for (const [label, targets] of cases) {
  const oncoterm = time(process.execPath, [cli, 'check', '--no-config', ...targets], work);
  const cspell = time(bin('cspell'), ['lint', '--no-progress', '--no-summary', ...targets.map((t) => (t === 'many' ? 'many/**/*.md' : t))], work);
  const textlint = time(bin('textlint'), ['--config', '.textlintrc.json', ...targets.map((t) => (t === 'many' ? 'many/*.md' : t))], work);
  rows.push({ label, oncoterm, cspell, textlint });
  console.log(`${label.padEnd(20)} oncoterm ${oncoterm.toFixed(0).padStart(6)} ms   cspell ${cspell.toFixed(0).padStart(6)} ms (${(cspell / oncoterm).toFixed(1)}x)   textlint+terminology ${textlint.toFixed(0).padStart(6)} ms (${(textlint / oncoterm).toFixed(1)}x)`);
}
const md = [
  '## Peers (whole processes, median of ' + RUNS + ' runs)', '',
  `Measured by \`npm run bench:peers\` on ${new Date().toISOString().slice(0, 10)}, ${cpus()[0].model}, ${cpus().length} cores. cspell 9.8.0 with its default configuration; textlint 14 with textlint-rule-terminology and 1,000 terms from the built-in glossary; oncoterm check with the full built-in glossary.`, '',
  '| files | oncoterm | cspell | textlint + terminology |', '| --- | --- | --- | --- |',
  ...rows.map((r) => `| ${r.label} | ${r.oncoterm.toFixed(0)} ms | ${r.cspell.toFixed(0)} ms (${(r.cspell / r.oncoterm).toFixed(1)}x slower) | ${r.textlint.toFixed(0)} ms (${(r.textlint / r.oncoterm).toFixed(1)}x slower) |`), '',
];
writeFileSync(join(ROOT, 'bench', 'PEERS.md'), md.join('\n'));
console.log('wrote bench/PEERS.md');
