// Drives a real headless Neovim against the bundled server (node dist/server.js --stdio, and the
// CLI's `node dist/cli.js lsp --stdio`, the command docs/editors.md tells editors to run):
// diagnostics arrive, hover shows the definition, the preferred quick fix applies and its diagnostic
// goes, source.fixAll.oncoterm clears the rest, the server shuts down cleanly.
// Neovim does the LSP work in test/nvim/init.lua and writes what it saw to a JSON file; this file
// makes the assertions. Skipped (with the reason) when `nvim` is not on PATH: scripts/install-nvim.sh
// installs it. Needs `npm run build` first.
import { strict as assert } from 'node:assert';
import { execFile } from 'node:child_process';
import { accessSync, constants, copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { test } from 'node:test';

const ROOT = join(__dirname, '..', '..');
const SERVER = join(ROOT, 'dist', 'server.js');
const CLI = join(ROOT, 'dist', 'cli.js');
const INIT = join(__dirname, 'init.lua');
const FIXTURE = join(__dirname, 'article.md');
const TERM = 'osteosarcoma';
const NVIM_TIMEOUT_MS = 30_000;

function onPath(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}

interface NvimDiagnostic { lnum: number; col: number; end_col: number; code: string; source: string; message: string; severity: number; text: string }
interface NvimResult {
  ok: boolean;
  error?: string;
  nvim: string;
  steps: string[];
  messages: string;
  started_with: string;
  filetype: string;
  offset_encoding: string;
  diagnostics: NvimDiagnostic[];
  hover: { contents: { kind: string; value: string }; range?: unknown } | null;
  action_titles: string[];
  preferred: { title: string; kind: string; isPreferred: boolean };
  lines_before: string[];
  lines_after_fix: string[];
  diagnostics_after_fix: NvimDiagnostic[];
  fix_all_kinds: string[];
  lines_after_fix_all: string[];
  diagnostics_after_fix_all: NvimDiagnostic[];
  server_exit?: { code: number; signal: number };
}

function glossaryEntry(term: string): { definition: string; short: string } {
  const built = JSON.parse(readFileSync(join(ROOT, 'dist', 'glossary.json'), 'utf8')) as { files: { entries: { term: string; definition: string; short: string }[] }[] };
  const entry = built.files.flatMap((f) => f.entries).find((e) => e.term.toLowerCase() === term);
  assert.ok(entry, `${term} is not in dist/glossary.json`);
  return entry;
}

function runNvim(nvim: string, command: string[], capabilities: unknown, dir: string, file: string, resultPath: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const xdg = join(dir, 'xdg');
  return new Promise((resolve) => {
    execFile(nvim, ['--headless', '--clean', '-u', INIT, file], {
      cwd: dir,
      timeout: NVIM_TIMEOUT_MS,
      killSignal: 'SIGKILL',
      env: {
        ...process.env,
        // Keep Neovim's state, logs (lsp.log) and shada out of $HOME.
        XDG_CONFIG_HOME: join(xdg, 'config'), XDG_DATA_HOME: join(xdg, 'data'), XDG_STATE_HOME: join(xdg, 'state'), XDG_CACHE_HOME: join(xdg, 'cache'),
        ONCOTERM_CMD: JSON.stringify(command), ONCOTERM_RESULT: resultPath, ONCOTERM_TERM: TERM,
        ...(capabilities ? { ONCOTERM_CAPABILITIES: JSON.stringify(capabilities) } : {}),
      },
    }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : null) : 0;
      resolve({ code, stdout: String(stdout), stderr: String(stderr) });
    });
  });
}

function lspLog(dir: string): string {
  for (const p of [join(dir, 'xdg', 'state', 'nvim', 'lsp.log'), join(dir, 'xdg', 'cache', 'nvim', 'lsp.log')]) {
    if (existsSync(p)) return readFileSync(p, 'utf8');
  }
  return '(no lsp.log)';
}

const COMMANDS: { label: string; command: string[]; capabilities?: unknown }[] = [
  { label: 'node dist/server.js --stdio', command: [process.execPath, SERVER, '--stdio'] },
  {
    // Helix and Eglot advertise workspace/configuration; Neovim 0.7 does not, so it is forced here.
    label: 'node dist/server.js --stdio, client advertising workspace.configuration', command: [process.execPath, SERVER, '--stdio'],
    capabilities: { workspace: { configuration: true } },
  },
  {
    label: 'node dist/cli.js lsp --stdio', command: [process.execPath, CLI, 'lsp', '--stdio'],
  },
];

for (const { label, command, capabilities } of COMMANDS) test(`headless Neovim against \`${label}\`: diagnostics, hover, preferred quick fix, fix-all, shutdown`, { timeout: 60_000 }, async (t) => {
  const nvim = onPath('nvim');
  if (!nvim) {
    t.skip('neovim is not installed: no `nvim` on PATH (scripts/install-nvim.sh installs it)');
    return;
  }
  assert.ok(existsSync(command[1]), `${command[1]} is missing: run \`npm run build\` first`);

  const dir = mkdtempSync(join(tmpdir(), 'oncoterm-nvim-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const file = join(dir, 'article.md');
  copyFileSync(FIXTURE, file);
  const resultPath = join(dir, 'result.json');

  const started = Date.now();
  const run = await runNvim(nvim, command, capabilities, dir, file, resultPath);
  const context = () => `nvim exit ${run.code}\nstdout: ${run.stdout.slice(0, 2000)}\nstderr: ${run.stderr.slice(0, 2000)}\nlsp.log (tail):\n${lspLog(dir).slice(-4000)}`;
  assert.ok(existsSync(resultPath), `Neovim wrote no result (killed after ${NVIM_TIMEOUT_MS} ms?)\n${context()}`);
  const r = JSON.parse(readFileSync(resultPath, 'utf8')) as NvimResult;
  t.diagnostic(`Neovim ${r.nvim}, client started with ${r.started_with}, ${Date.now() - started} ms`);
  assert.ok(r.ok, `Neovim run failed after steps [${r.steps.join(', ')}]: ${r.error}\nmessages: ${r.messages}\n${context()}`);
  assert.equal(run.code, 0, context());
  // Nothing went wrong on the way: Neovim printed no error and its LSP client logged none.
  const errors = lspLog(dir).split('\n').filter((line) => line.startsWith('[ERROR]'));
  assert.deepEqual(errors.map((e) => e.slice(0, 300)), [], `the LSP client logged errors\n${context()}`);
  assert.doesNotMatch(run.stderr, /Error|E\d+:/, `Neovim printed errors\n${context()}`);

  // The FileType markdown autocommand attached the server; positions are UTF-16 (the server's encoding).
  assert.equal(r.filetype, 'markdown');
  assert.equal(r.offset_encoding, 'utf-16');

  // Diagnostics: both terms, with the code, the source, and columns that land on the words
  // (line 3 has em dashes before the term, so a UTF-16/byte mix-up would show here).
  assert.deepEqual(r.diagnostics.map((d) => `${d.code}:${d.text}@${d.lnum}`), ['undefined-term:osteosarcoma@2', 'undefined-term:metastasis@4']);
  assert.ok(r.diagnostics.every((d) => d.source === 'oncoterm' && d.severity === 2), JSON.stringify(r.diagnostics));
  assert.match(r.diagnostics[0].message, /'osteosarcoma' is not explained/);

  // Hover: the glossary definition, as Markdown.
  const entry = glossaryEntry(TERM);
  assert.ok(r.hover, 'hover returned null');
  assert.equal(r.hover.contents.kind, 'markdown');
  assert.ok(r.hover.contents.value.includes(`**${TERM}**`), r.hover.contents.value);
  assert.ok(r.hover.contents.value.includes(entry.definition), `hover lacks the definition "${entry.definition}":\n${r.hover.contents.value}`);

  // Code actions: the preferred one explains the term in place; applying it changes only that line.
  assert.ok(r.action_titles.some((title) => title.startsWith(`Explain '${TERM}' in place`)), r.action_titles.join(' | '));
  assert.equal(r.preferred.kind, 'quickfix');
  assert.ok(r.preferred.title.startsWith(`Explain '${TERM}' in place`), r.preferred.title);
  assert.deepEqual(r.lines_before, readFileSync(FIXTURE, 'utf8').replace(/\n$/, '').split('\n'));
  const expected = [...r.lines_before];
  expected[2] = expected[2].replace(`${TERM}.`, `${TERM} (${entry.short}).`);
  assert.deepEqual(r.lines_after_fix, expected);

  // The term's diagnostic went; the other one was re-published for the edited text.
  assert.deepEqual(r.diagnostics_after_fix.map((d) => `${d.code}:${d.text}@${d.lnum}`), ['undefined-term:metastasis@4']);

  // source.fixAll.oncoterm explains the rest; nothing is left.
  assert.deepEqual(r.fix_all_kinds, ['source.fixAll.oncoterm']);
  assert.match(r.lines_after_fix_all[4], /metastasis \(.+\) in the lungs\./);
  assert.deepEqual(r.diagnostics_after_fix_all, []);

  // shutdown + exit: the server process ended with code 0.
  assert.deepEqual(r.server_exit, { code: 0, signal: 0 });
});
