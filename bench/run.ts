/**
 * `npm run bench`: prints the figures of issue 5 as median and p95 over repeated runs.
 * Options: --quick (fewer repetitions, no 10 MB document), --write (also write bench/RESULTS.md).
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { analyzeText } from '../server/src/core/document';
import { mergeGlossaries } from '../server/src/core/glossary/glossary';
import { TermIndex } from '../server/src/core/glossary/terms-index';
import { DEFAULT_OPTIONS } from '../server/src/core/options';
import { loadBuiltinGlossary } from '../server/src/lsp/builtin';
import { DocumentStore } from '../server/src/lsp/documents';
import { toDiagnostic } from '../server/src/lsp/convert';
import { hover } from '../server/src/lsp/features/hover';
import { codeActions } from '../server/src/lsp/features/code-actions';
import type { ServerContext } from '../server/src/lsp/features/context';
import { generateGlossary, generateMarkdown, rng } from './corpus';

const quick = process.argv.includes('--quick');
const write = process.argv.includes('--write');
const ROOT = join(__dirname, '..');
const rows: [string, string, string, string][] = [];

/** Median and the 95th percentile on the bad side: the slowest 5% for times, the lowest for throughputs. */
function stats(samples: number[], higherIsBetter = false): { median: number; p95: number } {
  const s = [...samples].sort((a, b) => a - b);
  const p95 = higherIsBetter ? s[Math.floor(s.length * 0.05)] : s[Math.min(s.length - 1, Math.floor(s.length * 0.95))];
  return { median: s[Math.floor(s.length / 2)], p95 };
}
function report(name: string, samples: number[], unit: string, target: string): void {
  const { median, p95 } = stats(samples, unit === 'MB/s');
  const fmt = (v: number) => (v >= 100 ? v.toFixed(0) : v >= 1 ? v.toFixed(2) : v.toFixed(3));
  rows.push([name, `${fmt(median)} ${unit}`, `${fmt(p95)} ${unit}`, target]);
  console.log(`${name.padEnd(58)} median ${fmt(median).padStart(9)} ${unit.padEnd(5)} p95 ${fmt(p95).padStart(9)} ${unit.padEnd(5)} target ${target}`);
}
function time(fn: () => void): number {
  const t = performance.now();
  fn();
  return performance.now() - t;
}

const builtinFiles = loadBuiltinGlossary(join(ROOT, 'dist'), ROOT);
const builtin = mergeGlossaries(builtinFiles.files, builtinFiles.index);
console.log(`machine: ${cpus()[0].model}, ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}`);
console.log(`built-in glossary: ${builtin.entries.length} entries, ${builtin.index.size} indexed forms\n`);

// Keystroke: the server's own path (incremental change, analysis, diagnostics) on a document already open.
function keystrokes(bytes: number, count: number): number[] {
  const text = generateMarkdown(bytes, 3);
  const store = new DocumentStore(() => ({ glossary: builtin, options: DEFAULT_OPTIONS, maxDocumentSize: 50_000_000 }));
  const uri = 'file:///bench.md';
  const open = store.open(uri, 'markdown', 1, text);
  store.analysis(uri);
  const r = rng(bytes);
  const samples: number[] = [];
  // The first keystrokes of a server's life also pay for the JIT compiling the engine; measure a
  // server that has been running (warm-up keystrokes are not counted).
  const warmup = Math.min(200, count);
  for (let i = 0; i < count + warmup; i++) {
    const doc = open.doc;
    const current = doc.getText();
    let offset = Math.floor(r() * current.length);
    while (offset < current.length && !/[a-z ]/.test(current[offset])) offset++;
    const position = doc.positionAt(offset);
    const t = performance.now();
    store.change(uri, doc.version + 1, [{ range: { start: position, end: position }, text: i % 2 ? 'e' : ' ' }]);
    const found = store.analysis(uri)!;
    found.analysis!.findings.map((f) => toDiagnostic(found.open.doc, f));
    if (i >= warmup) samples.push(performance.now() - t);
  }
  return samples;
}
report('keystroke -> new diagnostics, 10 KB document', keystrokes(10_000, quick ? 100 : 400), 'ms', '< 2 ms');
report('keystroke -> new diagnostics, 1 MB document', keystrokes(1_000_000, quick ? 40 : 150), 'ms', '<= 10 ms median, 30 ms p95');

// Cold: parse + match + analyse from scratch, MB/s.
for (const bytes of quick ? [100_000, 1_000_000] : [100_000, 1_000_000, 10_000_000]) {
  const text = generateMarkdown(bytes, 5);
  analyzeText(text, builtin, DEFAULT_OPTIONS);
  const samples = Array.from({ length: quick ? 3 : bytes > 5e6 ? 3 : 7 }, () => text.length / 1e6 / (time(() => analyzeText(text, builtin, DEFAULT_OPTIONS)) / 1000));
  report(`cold analysis throughput, ${bytes >= 1e6 ? bytes / 1e6 + ' MB' : bytes / 1e3 + ' KB'} document`, samples, 'MB/s', '>= 5 MB/s');
}

// Hover and code actions from the cached analysis.
{
  const text = generateMarkdown(1_000_000, 9);
  const store = new DocumentStore(() => ({ glossary: builtin, options: DEFAULT_OPTIONS, maxDocumentSize: 50_000_000 }));
  const uri = 'file:///hover.md';
  const open = store.open(uri, 'markdown', 1, text);
  const analysis = store.analysis(uri)!.analysis!;
  const cx = { documents: store, workspace: () => ({ settings: { inlayHints: { enabled: false } } }) } as unknown as ServerContext;
  const r = rng(4);
  const hovers: number[] = [];
  const actions: number[] = [];
  for (let i = 0; i < (quick ? 300 : 2000); i++) {
    const occ = analysis.occurrences[Math.floor(r() * analysis.occurrences.length)];
    const position = open.doc.positionAt(occ.start + 1);
    hovers.push(time(() => hover(cx, { textDocument: { uri }, position })));
  }
  for (let i = 0; i < (quick ? 100 : 500); i++) {
    const finding = analysis.findings[Math.floor(r() * analysis.findings.length)];
    const range = { start: open.doc.positionAt(finding.start), end: open.doc.positionAt(finding.end) };
    actions.push(time(() => codeActions(cx, { textDocument: { uri }, range, context: { diagnostics: [] } })));
  }
  report('hover, from the cached analysis (1 MB document)', hovers, 'ms', 'p95 < 1 ms');
  report('code actions, from the cached analysis (1 MB document)', actions, 'ms', 'p95 < 1 ms');
}

// Glossary: built-in load (compiled JSON) and index; synthetic glossaries for scale.
{
  const samples = Array.from({ length: quick ? 3 : 7 }, () => {
    const out = spawnSync(process.execPath, ['-e', `
      const t = performance.now();
      const files = JSON.parse(require('fs').readFileSync(${JSON.stringify(join(ROOT, 'dist', 'glossary.json'))}, 'utf8')).files;
      const t1 = performance.now();
      console.log(JSON.stringify({ read: t1 - t }));`]);
    return JSON.parse(String(out.stdout)).read as number;
  });
  report('built-in glossary: read + decode dist/glossary.json', samples, 'ms', 'tens of ms');
  const index = Array.from({ length: quick ? 3 : 7 }, () => time(() => new TermIndex(builtin.entries)));
  report(`built-in glossary: derive every form and build the index (${builtin.entries.length} entries)`, index, 'ms', 'tens of ms');
  const replay = Array.from({ length: quick ? 3 : 7 }, () => time(() => new TermIndex(builtin.entries, builtinFiles.index)));
  report('built-in glossary: rebuild the index from dist/glossary.json', replay, 'ms', 'tens of ms');
}
for (const count of [1_000, 10_000, 100_000]) {
  const entries = generateGlossary(count);
  const child = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', join(__dirname, 'index-heap.ts'), String(count)], { encoding: 'utf8' });
  const measured = JSON.parse(child.stdout.trim().split('\n').pop()!) as { ms: number; heapMB: number };
  const index = new TermIndex(entries);
  const glossary = { ...builtin, entries, index, byId: new Map(entries.map((e, i) => [e.id, i])) };
  const text = generateMarkdown(1_000_000, 11);
  const samples = Array.from({ length: quick ? 3 : 5 }, () => text.length / 1e6 / (time(() => analyzeText(text, glossary, DEFAULT_OPTIONS)) / 1000));
  rows.push([`${count.toLocaleString('en')}-term glossary: index build / heap`, `${measured.ms.toFixed(0)} ms`, `${measured.heapMB.toFixed(1)} MB`, count === 100_000 ? '< 1 s, < 60 MB' : '']);
  console.log(`${(count.toLocaleString('en') + '-term glossary: index build / heap').padEnd(58)} ${measured.ms.toFixed(0)} ms, ${measured.heapMB.toFixed(1)} MB heap`);
  report(`${count.toLocaleString('en')}-term glossary: cold analysis of 1 MB`, samples, 'MB/s', 'independent of size');
}

// Startup and memory of the real server process.
async function serverRun(docs: { uri: string; text: string }[]): Promise<{ firstDiagnosticsMs: number; rssMB: number }> {
  const { createMessageConnection, StreamMessageReader, StreamMessageWriter } = await import('vscode-jsonrpc/node');
  const started = performance.now();
  const child = spawn(process.execPath, [join(ROOT, 'dist', 'server.js'), '--stdio']);
  const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const seen = new Set<string>();
  let first = 0;
  const all = new Promise<void>((resolve) => connection.onNotification('textDocument/publishDiagnostics', (p: { uri: string }) => {
    if (!first) first = performance.now() - started;
    seen.add(p.uri);
    if (seen.size === docs.length) resolve();
  }));
  connection.listen();
  await connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {} });
  await connection.sendNotification('initialized', {});
  for (const d of docs) await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: d.uri, languageId: 'markdown', version: 1, text: d.text } });
  await all;
  const rss = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))![1]) / 1024;
  child.kill();
  connection.dispose();
  return { firstDiagnosticsMs: first, rssMB: rss };
}
async function main(): Promise<void> {
  const sample = readFileSync(join(ROOT, 'examples', 'when-cancer-spreads.md'), 'utf8');
  const startups: number[] = [];
  for (let i = 0; i < (quick ? 3 : 7); i++) startups.push((await serverRun([{ uri: 'file:///sample.md', text: sample }])).firstDiagnosticsMs);
  report('server start -> first diagnostics on the sample article', startups, 'ms', '< 300 ms');
  const docs = Array.from({ length: 50 }, (_, i) => ({ uri: `file:///doc${i}.md`, text: generateMarkdown(20_000, 100 + i) }));
  const rss = (await serverRun(docs)).rssMB;
  rows.push(['server RSS, built-in glossary + 50 open 20 KB documents', `${rss.toFixed(0)} MB`, '', '< 150 MB']);
  console.log(`${'server RSS, built-in glossary + 50 open 20 KB documents'.padEnd(58)} ${rss.toFixed(0)} MB (target < 150 MB)`);

  // CLI as a whole process over a folder of many files.
  const folder = mkdtempSync(join(tmpdir(), 'oncoterm-bench-'));
  mkdirSync(join(folder, 'docs'));
  for (let i = 0; i < 200; i++) writeFileSync(join(folder, 'docs', `a${i}.md`), generateMarkdown(10_000, 1000 + i));
  const cliRuns = Array.from({ length: quick ? 2 : 5 }, () => time(() => spawnSync(process.execPath, [join(ROOT, 'dist', 'cli.js'), 'check', 'docs', '--format', 'json'], { cwd: folder, stdio: 'ignore' })));
  report('CLI: oncoterm check, 200 files of 10 KB, whole process', cliRuns, 'ms', 'see bench/peers.mjs');

  if (write) writeResults();
}

function writeResults(): void {
  const lines = [
    '# Benchmark results', '',
    `Measured by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}: ${cpus()[0].model}, ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}.`,
    `Built-in glossary: ${builtin.entries.length} entries. Documents are generated by bench/corpus.ts (seeded).`, '',
    '| figure | median | p95 (slowest 5%; for MB/s the lowest) | target |', '| --- | --- | --- | --- |',
    ...rows.map((r) => `| ${r.join(' | ')} |`), '',
  ];
  let peers = '';
  try {
    peers = readFileSync(join(__dirname, 'PEERS.md'), 'utf8');
  } catch {
    peers = 'Peer comparison: run `npm run bench:peers` (writes bench/PEERS.md).\n';
  }
  writeFileSync(join(__dirname, 'RESULTS.md'), lines.join('\n') + '\n' + peers);
  console.log('\nwrote bench/RESULTS.md');
}

void main();
