import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { availableParallelism } from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { globSync } from 'tinyglobby';
import type { Analysis } from '../core/analysis/types';
import { analyzeText } from '../core/document';
import { applyEdits, defineAll } from '../core/fixes/fixes';
import { lookupEntry } from '../core/glossary/glossary';
import { AUDIENCES, type AnalysisOptions, type Audience } from '../core/options';
import { describeEntryText } from '../core/present';
import { LineMap } from '../core/text/lines';
import { toAnalysisOptions } from '../protocol/settings';
import { extensionRoot, loadBuiltinGlossary } from '../lsp/builtin';
import { WorkspaceState } from '../lsp/workspace';

/** Where the CLI writes; injectable for tests. */
export interface CliIO {
  stdout(text: string): void;
  stderr(text: string): void;
  cwd: string;
}

const nodeIO: CliIO = { stdout: (t) => process.stdout.write(t), stderr: (t) => process.stderr.write(t), cwd: process.cwd() };

const USAGE = `Usage:
  oncoterm check [paths|globs...] [--format text|json|sarif] [--audience A] [--glossary FILE]... [--fix] [--no-config] [--no-workers]
  oncoterm terms FILE... [--format text|json]
  oncoterm define TERM
  oncoterm lsp --stdio

check prints findings (file:line:col code message) and exits 0 when nothing is at warning level or
above, 1 when something is, 2 on a usage or configuration error. Paths default to the current folder;
folders are searched for Markdown files (.md .markdown .qmd .rmd .mdx). Settings come from
.oncoterm.yaml in the current folder unless --no-config.
Audiences: ${AUDIENCES.join(', ')}.
`;

class UsageError extends Error {}

const MARKDOWN_FILES = '**/*.{md,markdown,qmd,rmd,Rmd,mdx}';

/** Run the command line; resolves to the exit code. */
export async function run(argv: readonly string[], io: CliIO = nodeIO): Promise<number> {
  try {
    return await dispatch(argv, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`oncoterm: ${e.message}\n\n${USAGE}`);
      return 2;
    }
    io.stderr(`oncoterm: ${(e as Error).message}\n`);
    return 2;
  }
}

async function dispatch(argv: readonly string[], io: CliIO): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    io.stdout(USAGE);
    return command ? 0 : 2;
  }
  if (command === '--version') {
    io.stdout('0.1.0\n');
    return 0;
  }
  if (command === 'lsp') {
    // The server is its own bundle (dist/server.js, which starts on load): the CLI does not carry the LSP libraries.
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a runtime path, not a module to bundle
    require(join(__dirname, 'server.js'));
    return new Promise<number>(() => undefined);
  }
  let parsed;
  try {
    parsed = parseArgs({
      args: [...rest],
      allowPositionals: true,
      options: {
        format: { type: 'string', default: 'text' },
        audience: { type: 'string' },
        glossary: { type: 'string', multiple: true, default: [] },
        fix: { type: 'boolean', default: false },
        'no-config': { type: 'boolean', default: false },
        hovers: { type: 'string' },
        'exit-zero': { type: 'boolean', default: false },
        'no-workers': { type: 'boolean', default: false },
      },
    });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const { values, positionals } = parsed;
  const workspace = loadWorkspace(io, values.glossary ?? [], !values['no-config']);
  const configErrors = [...workspace.problems.values()].flat().filter((p) => p.severity === 'error');
  for (const p of [...workspace.problems.values()].flat()) io.stderr(`${relative(io.cwd, p.file) || p.file}:${p.line + 1}:${p.character + 1} ${p.severity} ${p.message}\n`);
  if (configErrors.length) return 2;
  const options: AnalysisOptions = toAnalysisOptions(workspace.settings);
  if (values.audience !== undefined) {
    if (!AUDIENCES.includes(values.audience as Audience)) throw new UsageError(`unknown audience "${values.audience}"`);
    options.audience = values.audience as Audience;
  }
  switch (command) {
    case 'check': {
      const format = values.format ?? 'text';
      if (!['text', 'json', 'sarif'].includes(format)) throw new UsageError(`unknown format "${format}"`);
      const files = findFiles(io, positionals.length ? positionals : ['.']);
      const job: CheckJob = { fix: !!values.fix, hovers: format === 'text' && values.hovers ? Number(values.hovers) : 0, workers: !values['no-workers'], glossaries: values.glossary ?? [], useConfig: !values['no-config'] };
      return check(io, workspace, options, files, format as 'text' | 'json' | 'sarif', job, !!values['exit-zero']);
    }
    case 'terms': {
      if (!positionals.length) throw new UsageError('terms needs at least one file');
      const format = values.format ?? 'text';
      if (!['text', 'json'].includes(format)) throw new UsageError(`unknown format "${format}"`);
      return terms(io, workspace, options, findFiles(io, positionals), format);
    }
    case 'define': {
      const name = positionals.join(' ').trim();
      if (!name) throw new UsageError('define needs a term');
      const entry = lookupEntry(workspace.glossary, name);
      if (!entry) {
        io.stderr(`oncoterm: no glossary entry for "${name}"\n`);
        return 1;
      }
      io.stdout(describeEntryText(entry) + '\n');
      return 0;
    }
    default:
      throw new UsageError(`unknown command "${command}"`);
  }
}

function loadWorkspace(io: CliIO, glossaries: string[], useConfig: boolean): WorkspaceState {
  const bundleDir = __dirname;
  const builtin = loadBuiltinGlossary(bundleDir, extensionRoot(bundleDir));
  return new WorkspaceState(builtin, useConfig ? io.cwd : undefined, { glossaries: glossaries.map((g) => resolve(io.cwd, g)) });
}

function findFiles(io: CliIO, patterns: string[]): string[] {
  const out = new Set<string>();
  for (const pattern of patterns) {
    const absolute = resolve(io.cwd, pattern);
    if (existsSync(absolute) && statSync(absolute).isDirectory()) {
      for (const f of globSync(MARKDOWN_FILES, { cwd: absolute, absolute: true, ignore: ['**/node_modules/**', '**/.git/**'] })) out.add(f);
    } else if (existsSync(absolute)) {
      out.add(absolute);
    } else {
      const matched = globSync(pattern, { cwd: io.cwd, absolute: true, ignore: ['**/node_modules/**'] });
      if (!matched.length) throw new UsageError(`no such file or folder: ${pattern}`);
      for (const f of matched) out.add(f);
    }
  }
  return [...out].sort();
}

interface FileResult {
  file: string;
  text: string;
  analysis: Analysis;
}

function analyzeFile(workspace: WorkspaceState, options: AnalysisOptions, path: string): FileResult {
  const text = readFileSync(path, 'utf8');
  return { file: path, text, analysis: analyzeText(text, workspace.glossary, options) };
}

/** What checking one file produced, in a form a worker thread can send back. */
interface FileCheck {
  rows: Record<string, unknown>[];
  /** Messages for standard error (skips, fixes applied). */
  notes: string[];
  /** Hover previews (text format), already rendered. */
  hovers: string;
}

function checkFile(workspace: WorkspaceState, options: AnalysisOptions, path: string, display: string, fix: boolean, hovers: number): FileCheck {
  const out: FileCheck = { rows: [], notes: [], hovers: '' };
  const maxSize = workspace.settings.maxDocumentSize;
  const skip = () => out.notes.push(`${display}: skipped, larger than oncoterm maxDocumentSize (${maxSize} characters)`);
  if (statSync(path).size > maxSize * 4) {
    skip();
    return out;
  }
  const text = readFileSync(path, 'utf8');
  if (text.length > maxSize) {
    skip();
    return out;
  }
  let result: FileResult = { file: path, text, analysis: analyzeText(text, workspace.glossary, options) };
  if (fix) {
    const edits = defineAll(result.analysis);
    if (edits.length) {
      writeFileSync(path, applyEdits(result.text, edits));
      out.notes.push(`${display}: applied ${edits.length} fix(es)`);
      result = analyzeFile(workspace, options, path);
    }
  }
  const lines = new LineMap(result.text);
  for (const f of result.analysis.findings) {
    const entry = f.entry === undefined ? undefined : workspace.glossary.entries[f.entry];
    const start = lines.position(f.start);
    const end = lines.position(f.end);
    out.rows.push({ file: display, line: start.line, character: start.character, endLine: end.line, endCharacter: end.character, code: f.code, severity: f.severity, message: f.message, id: entry?.id ?? null, term: entry?.term ?? null, nci: entry?.sources.find((s) => s.nci)?.nci ?? null });
  }
  if (hovers > 0) {
    let text = '';
    printHovers({ ...nodeIO, stdout: (t) => (text += t) }, result, hovers);
    out.hovers = text;
  }
  return out;
}

/** Bytes of Markdown per worker below which a thread is not worth its start-up (about 150 ms to load the glossary). */
const BYTES_PER_WORKER = 3_000_000;

/** Check files on every core: each worker thread loads the glossary once and checks a share of the files. */
async function checkAll(io: CliIO, workspace: WorkspaceState, options: AnalysisOptions, files: string[], job: CheckJob): Promise<FileCheck[]> {
  let bytes = 0;
  for (const f of files) bytes += statSync(f).size;
  const threads = Math.min(availableParallelism(), Math.floor(bytes / BYTES_PER_WORKER), files.length);
  const display = (path: string) => relative(io.cwd, path) || path;
  // Workers start the bundled CLI again; from the TypeScript sources (tests) everything runs in this thread.
  if (threads < 2 || !job.workers || !__filename.endsWith('.js')) return files.map((f) => checkFile(workspace, options, f, display(f), job.fix, job.hovers));
  const shares: string[][] = Array.from({ length: threads }, () => []);
  files.forEach((f, i) => shares[i % threads].push(f));
  const results = await Promise.all(shares.map((share) => new Promise<FileCheck[]>((resolvePromise, reject) => {
    const worker = new Worker(__filename, { workerData: { oncotermCheck: { cwd: io.cwd, files: share, displays: share.map(display), options, job, glossaries: job.glossaries, useConfig: job.useConfig } } });
    worker.once('message', resolvePromise);
    worker.once('error', reject);
  })));
  const byFile = new Map<string, FileCheck>();
  shares.forEach((share, w) => share.forEach((f, i) => byFile.set(f, results[w][i])));
  return files.map((f) => byFile.get(f)!);
}

interface CheckJob {
  fix: boolean;
  hovers: number;
  workers: boolean;
  glossaries: string[];
  useConfig: boolean;
}

async function check(io: CliIO, workspace: WorkspaceState, options: AnalysisOptions, files: string[], format: 'text' | 'json' | 'sarif', job: CheckJob, exitZero: boolean): Promise<number> {
  const checks = await checkAll(io, workspace, options, files, job);
  const rows = checks.flatMap((c) => c.rows);
  for (const c of checks) for (const note of c.notes) io.stderr(note + '\n');
  const failing = rows.filter((r) => r.severity === 'error' || r.severity === 'warning').length;
  if (format === 'json') io.stdout(JSON.stringify(rows, null, 2) + '\n');
  else if (format === 'sarif') io.stdout(JSON.stringify(toSarif(rows), null, 2) + '\n');
  else {
    for (const r of rows) io.stdout(`${r.file}:${(r.line as number) + 1}:${(r.character as number) + 1} ${r.severity} ${r.code} ${r.message}\n`);
    io.stdout(`${files.length} file(s) checked, ${rows.length} finding(s), ${failing} at warning level or above\n`);
    for (const c of checks) if (c.hovers) io.stdout(c.hovers);
  }
  return failing > 0 && !exitZero ? 1 : 0;
}

/** Worker thread side of `checkAll`. */
function runWorker(data: { cwd: string; files: string[]; displays: string[]; options: AnalysisOptions; job: CheckJob; glossaries: string[]; useConfig: boolean }): void {
  const io: CliIO = { ...nodeIO, cwd: data.cwd };
  const workspace = loadWorkspace(io, data.glossaries, data.useConfig);
  parentPort!.postMessage(data.files.map((f, i) => checkFile(workspace, data.options, f, data.displays[i], data.job.fix, data.job.hovers)));
}

function printHovers(io: CliIO, result: FileResult, count: number): void {
  const { analysis } = result;
  const shown = new Set<number>();
  const lines = new LineMap(result.text);
  io.stdout(`\nWhat a reader sees on hover in ${result.file.split('/').pop()}:\n`);
  for (const f of analysis.findings) {
    if (f.entry === undefined || shown.has(f.entry) || f.code !== 'undefined-term') continue;
    shown.add(f.entry);
    const pos = lines.position(f.start);
    const entry = analysis.glossary.entries[f.entry];
    io.stdout(`\n  line ${pos.line + 1}, "${result.text.slice(f.start, f.end)}":\n`);
    io.stdout(describeEntryText(entry).split('\n').map((l) => '    ' + l).join('\n') + '\n');
    if (shown.size >= count) break;
  }
  io.stdout('\n');
}

function terms(io: CliIO, workspace: WorkspaceState, options: AnalysisOptions, files: string[], format: string): number {
  const rows: Record<string, unknown>[] = [];
  for (const path of files) {
    const { text, analysis } = analyzeFile(workspace, options, path);
    const lines = new LineMap(text);
    const display = relative(io.cwd, path) || path;
    for (const occ of analysis.occurrences) {
      const entry = workspace.glossary.entries[occ.entry];
      const start = lines.position(occ.start);
      const end = lines.position(occ.end);
      rows.push({ file: display, line: start.line, character: start.character, endLine: end.line, endCharacter: end.character, text: text.slice(occ.start, occ.end), id: entry.id, term: entry.term, nci: entry.sources.find((s) => s.nci)?.nci ?? null });
    }
  }
  if (format === 'json') io.stdout(JSON.stringify(rows, null, 2) + '\n');
  else for (const r of rows) io.stdout(`${r.file}:${(r.line as number) + 1}:${(r.character as number) + 1} ${r.text} -> ${r.id}${r.nci ? ` (NCI ${r.nci})` : ''}\n`);
  return 0;
}

function toSarif(rows: Record<string, unknown>[]): unknown {
  const level = (s: unknown) => (s === 'error' ? 'error' : s === 'warning' ? 'warning' : 'note');
  return {
    version: '2.1.0',
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    runs: [{
      tool: { driver: { name: 'oncoterm', informationUri: 'https://github.com/oncoterm/oncoterm', rules: [...new Set(rows.map((r) => r.code as string))].map((id) => ({ id })) } },
      results: rows.map((r) => ({
        ruleId: r.code,
        level: level(r.severity),
        message: { text: r.message },
        locations: [{ physicalLocation: { artifactLocation: { uri: r.file }, region: { startLine: (r.line as number) + 1, startColumn: (r.character as number) + 1, endLine: (r.endLine as number) + 1, endColumn: (r.endCharacter as number) + 1 } } }],
      })),
    }],
  };
}

if (!isMainThread && workerData?.oncotermCheck) {
  runWorker(workerData.oncotermCheck);
} else if (require.main === module) {
  void run(process.argv.slice(2)).then((code) => {
    if (code !== undefined) process.exitCode = code;
  });
}
