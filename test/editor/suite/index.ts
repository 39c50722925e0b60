// Oncoterm extension-host suite. Runs inside a real VS Code extension host (code-server through
// test/editor/host/run-code-server.mjs, or desktop VS Code through run-electron.mjs) against a
// copy of test/editor/workspace. Public `vscode` API only. Bundled by scripts/test-editor.mjs.
//
// ONCOTERM_EDITOR_MODE=vsix: the extension must come from an installed .vsix, not the sources.
import { strict as assert } from 'node:assert';
import { fork } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';

const EXTENSION_ID = 'oncoterm.oncoterm';
const OSTEOSARCOMA_URL = 'https://www.cancer.gov/publications/dictionaries/cancer-terms/def/45395';
const TIMEOUT_MS = 20_000;

interface OncotermApi {
  client: () => { isRunning(): boolean; state: number } | undefined;
}

// ---------------------------------------------------------------- tiny harness

interface Test {
  name: string;
  fn: () => Promise<void>;
  timeoutMs: number;
  /** A known bug: the test is expected to fail (and the suite fails when it passes, to drop the marker). */
  knownBug?: string;
}
const tests: Test[] = [];
function test(name: string, fn: () => Promise<void>, timeoutMs = 60_000): void {
  tests.push({ name, fn, timeoutMs });
}
/** Register a test for a known bug (reported, not failed; fails once it passes so the marker is dropped). */
export function knownBug(name: string, bug: string, fn: () => Promise<void>, timeoutMs = 60_000): void {
  tests.push({ name, fn, timeoutMs, knownBug: bug });
}

/** Polls `probe` until it returns a truthy value; fails with `what` and the last value seen. */
async function waitFor<T>(what: string, probe: () => T | undefined | null | false | Promise<T | undefined | null | false>, timeoutMs = TIMEOUT_MS): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value) return value;
      last = value;
    } catch (e) {
      last = e;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what} (last: ${describe(last)})`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

function describe(value: unknown): string {
  if (value instanceof Error) return value.message;
  try {
    return JSON.stringify(value)?.slice(0, 500) ?? String(value);
  } catch {
    return String(value);
  }
}

// ---------------------------------------------------------------- helpers

const folder = () => {
  const f = vscode.workspace.workspaceFolders?.[0];
  assert.ok(f, 'no workspace folder is open');
  return f.uri;
};
const fileUri = (name: string) => vscode.Uri.joinPath(folder(), name);

async function open(name: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(fileUri(name));
  const editor = await vscode.window.showTextDocument(doc, { preview: false });
  assert.equal(doc.languageId, 'markdown', `${name} should open as markdown`);
  return editor;
}

/** Oncoterm's diagnostics for a document, as readable "code@line:col severity message" rows. */
function oncoterm(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'oncoterm');
}
const codeOf = (d: vscode.Diagnostic) => (typeof d.code === 'object' ? String(d.code.value) : String(d.code));
const show = (ds: vscode.Diagnostic[]) =>
  ds.map((d) => `${codeOf(d)}@${d.range.start.line}:${d.range.start.character} ${vscode.DiagnosticSeverity[d.severity]} ${d.message}`);

async function diagnosticsWhere(uri: vscode.Uri, what: string, ok: (ds: vscode.Diagnostic[]) => boolean, timeoutMs = TIMEOUT_MS): Promise<vscode.Diagnostic[]> {
  let last: vscode.Diagnostic[] = [];
  try {
    return await waitFor(what, () => {
      last = oncoterm(uri);
      return ok(last) && last;
    }, timeoutMs);
  } catch {
    throw new Error(`timed out after ${timeoutMs} ms waiting for diagnostics of ${path.basename(uri.path)}: ${what}; they are ${JSON.stringify(show(last))} (${serverState()})`);
  }
}

function hoverText(hovers: vscode.Hover[]): string {
  return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n---\n');
}

async function hoverAt(uri: vscode.Uri, position: vscode.Position): Promise<string> {
  const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position)) ?? [];
  return hoverText(hovers);
}

function positionOf(doc: vscode.TextDocument, text: string, delta = 1): vscode.Position {
  const i = doc.getText().indexOf(text);
  assert.ok(i >= 0, `${JSON.stringify(text)} not found in ${path.basename(doc.uri.path)}`);
  return doc.positionAt(i + delta);
}

async function setSetting(key: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration('oncoterm').update(key, value, vscode.ConfigurationTarget.Workspace);
}

async function writeFile(name: string, text: string): Promise<void> {
  await vscode.workspace.fs.writeFile(fileUri(name), Buffer.from(text, 'utf8'));
}
async function deleteFile(name: string): Promise<void> {
  await vscode.workspace.fs.delete(fileUri(name)).then(undefined, () => undefined);
}

let api: OncotermApi | undefined;
const extension = () => {
  const ext = vscode.extensions.getExtension<OncotermApi>(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is not installed in this extension host`);
  return ext;
};

/** Pid of the running language server: a child of this extension host running dist/server.js. */
function serverPid(): number | undefined {
  const serverModule = path.join(extension().extensionPath, 'dist', 'server.js');
  if (process.platform === 'linux') {
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        const args = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
        const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
        const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
        if (ppid === process.pid && args.includes(serverModule)) return Number(entry);
      } catch {
        // the process went away while we looked
      }
    }
    return undefined;
  }
  // Elsewhere: vscode-languageclient's forked child (a private field; good enough for a test).
  const client = api?.client() as unknown as { _serverProcess?: { pid?: number } } | undefined;
  return client?._serverProcess?.pid;
}

/** For failure messages: is the client running, and is there a server process? */
function serverState(): string {
  const client = api?.client();
  let pid: number | undefined;
  try {
    pid = serverPid();
  } catch {
    pid = undefined;
  }
  return `language client ${client ? (client.isRunning() ? 'running' : `not running (state ${client.state})`) : 'unknown'}, server pid ${pid ?? 'none'}`;
}

/**
 * When the extension fails to start: run its server by hand (Node IPC, like the client does), send
 * `initialize`, and report what happened, with the server's own output.
 */
async function probeServer(extensionPath: string): Promise<string> {
  const serverModule = path.join(extensionPath, 'dist', 'server.js');
  const child = fork(serverModule, ['--node-ipc', `--clientProcessId=${process.pid}`], { silent: true });
  let output = '';
  child.stdout?.on('data', (d) => (output += d));
  child.stderr?.on('data', (d) => (output += d));
  const outcome = await new Promise<string>((resolve) => {
    const timer = setTimeout(() => resolve('no answer to initialize within 15 s'), 15_000);
    child.on('message', (m: { id?: number; result?: unknown; error?: { message: string } }) => {
      if (m.id !== 1) return;
      clearTimeout(timer);
      resolve(m.error ? `initialize failed: ${m.error.message}` : 'initialize answered normally (the failure is in the client or only under VS Code)');
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      resolve(`the server exited (code ${code}, signal ${signal}) before answering initialize`);
    });
    child.send({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: process.pid, rootUri: folder().toString(), workspaceFolders: [{ uri: folder().toString(), name: 'ws' }], capabilities: {}, initializationOptions: { settings: null } } });
  });
  child.kill();
  return `probe of ${serverModule}: ${outcome}\n--- server output ---\n${output.slice(-4000) || '(none)'}`;
}

// ---------------------------------------------------------------- tests

test('the extension activates on a Markdown file and its language client runs', async () => {
  const ext = extension();
  console.log(`    extension ${ext.id} ${ext.packageJSON.version} from ${ext.extensionPath} (active before opening Markdown: ${ext.isActive})`);
  if (process.env.ONCOTERM_EDITOR_MODE === 'vsix') {
    assert.ok(!ext.extensionPath.startsWith(process.env.ONCOTERM_EDITOR_REPO ?? '\0'), `expected the installed .vsix, got the development folder ${ext.extensionPath}`);
    const files = readdirSync(path.join(ext.extensionPath, 'dist'));
    assert.deepEqual(files.filter((f) => f.endsWith('.map')), [], 'the .vsix must not ship source maps');
    assert.ok(files.includes('glossary.json'), 'the .vsix must ship dist/glossary.json');
  }
  await open('article.md');
  try {
    // Activation was triggered by opening article.md; activate() returns that same activation.
    api = await ext.activate();
  } catch (e) {
    throw new Error(`activating ${EXTENSION_ID} failed: ${(e as Error)?.message ?? e}\n${await probeServer(ext.extensionPath)}`);
  }
  await waitFor('the extension to become active after opening article.md', () => ext.isActive);
  assert.equal(typeof api?.client, 'function', 'activate() should return { client: () => LanguageClient }');
  await waitFor('the language client to be running', () => api!.client()?.isRunning());
});

test('undefined terms get diagnostics', async () => {
  const { document } = await open('article.md');
  const [d] = await diagnosticsWhere(document.uri, 'one undefined-term', (ds) => ds.length === 1);
  assert.equal(codeOf(d), 'undefined-term');
  assert.equal(d.severity, vscode.DiagnosticSeverity.Warning);
  assert.match(d.message, /'osteosarcoma' is not explained/);
  assert.deepEqual([d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character], [2, 15, 2, 27]);
  assert.equal(document.getText(d.range), 'osteosarcoma');
  assert.ok(typeof d.code === 'object' && /rules\.md#undefined-term$/.test(d.code.target.toString()), `diagnostic code should link to the rule docs: ${describe(d.code)}`);
});

test('hover over "osteosarcoma" shows the definition and the NCI source link', async () => {
  const { document } = await open('article.md');
  const text = await waitFor('a hover over osteosarcoma', () => hoverAt(document.uri, positionOf(document, 'osteosarcoma', 5)));
  assert.match(text, /\*\*osteosarcoma\*\*/i, `hover: ${text}`);
  assert.match(text, /cancer that begins in bone|starts in bone/, `hover lacks the definition: ${text}`);
  assert.ok(text.includes(`(${OSTEOSARCOMA_URL})`), `hover lacks the source link ${OSTEOSARCOMA_URL}: ${text}`);
  const nothing = await hoverAt(document.uri, positionOf(document, 'dogs', 1));
  assert.ok(!/oncoterm|cancer\.gov/i.test(nothing), `no Oncoterm hover expected over "dogs": ${nothing}`);
});

test('quick fixes are offered; applying one edits the text and clears the diagnostic', async () => {
  const { document } = await open('article.md');
  const [d] = await diagnosticsWhere(document.uri, 'the osteosarcoma diagnostic', (ds) => ds.length === 1);
  const actions = (await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>('vscode.executeCodeActionProvider', document.uri, d.range)) ?? [];
  const fixes = actions.filter((a): a is vscode.CodeAction => 'kind' in a && !!a.kind && vscode.CodeActionKind.QuickFix.contains(a.kind));
  const titles = fixes.map((a) => a.title);
  for (const expected of ["Explain 'osteosarcoma' in place", 'Add a footnote', "Link 'osteosarcoma'", "Add 'osteosarcoma' to the document's Glossary", "Ignore 'osteosarcoma' in this document"]) {
    assert.ok(titles.some((t) => t.startsWith(expected)), `no quick fix starting with ${JSON.stringify(expected)}; offered: ${JSON.stringify(titles)}`);
  }
  const preferred = fixes.find((a) => a.isPreferred);
  assert.ok(preferred?.edit, `a preferred quick fix with an edit is expected; offered: ${JSON.stringify(titles)}`);
  // (vscode.executeCodeActionProvider returns only title, kind, edit, command and isPreferred:
  // the `diagnostics` of an action are dropped by VS Code, so they cannot be checked here.)
  const before = document.getText();
  assert.equal(await vscode.workspace.applyEdit(preferred.edit), true, 'workspace.applyEdit refused the quick fix');
  assert.notEqual(document.getText(), before, 'the quick fix did not change the text');
  assert.match(document.getText(), /^# Dogs\n\nLarge dogs get osteosarcoma \(.+\)\.\n$/, `unexpected text after "${preferred.title}"`);
  await diagnosticsWhere(document.uri, 'no diagnostics after the fix', (ds) => ds.length === 0);
});

test('command "oncoterm.defineAll" defines every term in the active document', async () => {
  const { document } = await open('define-all.md');
  await diagnosticsWhere(document.uri, 'four findings', (ds) => ds.length === 4);
  await vscode.commands.executeCommand('oncoterm.defineAll');
  const text = await waitFor('define-all.md to change', () => document.getText() !== 'The NSCLC and [osteosarcoma](#) and carcinoma.\n' && document.getText());
  assert.match(text, /non-small cell lung cancer \(NSCLC: .+\) and \[osteosarcoma\]\(https:\/\/www\.cancer\.gov\/.+\) \(.+\) and carcinoma \(.+\)\./, `unexpected text: ${text}`);
  await diagnosticsWhere(document.uri, 'no diagnostics after defineAll', (ds) => ds.length === 0);
});

test('command "oncoterm.insertGlossary" appends a Glossary section with the terms used', async () => {
  const { document } = await open('insert-glossary.md');
  await diagnosticsWhere(document.uri, 'two undefined terms', (ds) => ds.length === 2);
  const before = document.getText();
  await vscode.commands.executeCommand('oncoterm.insertGlossary');
  const text = await waitFor('insert-glossary.md to change', () => document.getText() !== before && document.getText());
  assert.ok(text.startsWith(before.trimEnd()), `the original text should be kept: ${text}`);
  const glossary = text.slice(text.indexOf('## Glossary'));
  assert.ok(text.includes('## Glossary'), `no "## Glossary" heading: ${text}`);
  assert.match(glossary, /osteosarcoma/i, `osteosarcoma missing from the glossary: ${glossary}`);
  assert.match(glossary, /metastasis/i, `metastasis missing from the glossary: ${glossary}`);
  await diagnosticsWhere(document.uri, 'no undefined-term once the glossary explains the terms', (ds) => !ds.some((d) => codeOf(d) === 'undefined-term'));
});

test('settings oncoterm.audience and oncoterm.diagnostics.undefined-term.severity change the diagnostics', async () => {
  const { document } = await open('settings.md');
  await diagnosticsWhere(document.uri, 'two warnings for the general audience', (ds) => ds.length === 2 && ds.every((d) => d.severity === vscode.DiagnosticSeverity.Warning));
  try {
    await setSetting('audience', 'clinician');
    const clinician = await diagnosticsWhere(document.uri, 'one finding for clinicians', (ds) => ds.length === 1);
    assert.match(clinician[0].message, /pre-metastatic niche/);
    await setSetting('diagnostics.undefined-term.severity', 'error');
    await diagnosticsWhere(document.uri, 'one error with severity "error"', (ds) => ds.length === 1 && ds[0].severity === vscode.DiagnosticSeverity.Error);
    await setSetting('diagnostics.undefined-term.severity', 'off');
    await diagnosticsWhere(document.uri, 'no diagnostics with severity "off"', (ds) => ds.length === 0);
  } finally {
    await setSetting('audience', undefined);
    await setSetting('diagnostics.undefined-term.severity', undefined);
  }
  await diagnosticsWhere(document.uri, 'two warnings again after resetting the settings', (ds) => ds.length === 2 && ds.every((d) => d.severity === vscode.DiagnosticSeverity.Warning));
});

const LAB_GLOSSARY = `- term: vesperin
  short: a protein our lab studies
  definition: A made-up protein that only exists in the Oncoterm editor tests.
  sources: [{url: "https://example.org/vesperin"}]
`;
const SETTING_GLOSSARY = `- term: calmorin
  short: another test protein
  definition: A second made-up protein, from a glossary named in the oncoterm.glossaries setting.
  sources: [{url: "https://example.org/calmorin"}]
`;
const mentions = (term: string) => (d: vscode.Diagnostic) => d.message.includes(`'${term}'`);

test('a glossary named in a new .oncoterm.yaml is picked up without a restart', async () => {
  const { document } = await open('team.md');
  await diagnosticsWhere(document.uri, 'only osteosarcoma flagged', (ds) => ds.length === 1 && ds.some(mentions('osteosarcoma')));
  try {
    await writeFile('lab.glossary.yaml', LAB_GLOSSARY);
    await writeFile('.oncoterm.yaml', 'glossaries: [lab.glossary.yaml]\n');
    await diagnosticsWhere(document.uri, "'vesperin' flagged once the workspace glossary exists", (ds) => ds.some(mentions('vesperin')));
    const hover = await hoverAt(document.uri, positionOf(document, 'vesperin', 3));
    assert.match(hover, /only exists in the Oncoterm editor tests/, `hover over vesperin: ${hover}`);
  } finally {
    await deleteFile('.oncoterm.yaml');
    await deleteFile('lab.glossary.yaml');
  }
  await diagnosticsWhere(document.uri, "'vesperin' no longer flagged once .oncoterm.yaml is deleted", (ds) => !ds.some(mentions('vesperin')));
});

test('a glossary file named in oncoterm.glossaries is picked up when it is created', async () => {
  const { document } = await open('team.md');
  try {
    await setSetting('glossaries', ['terms/extra.glossary.yaml']);
    await diagnosticsWhere(document.uri, 'osteosarcoma still flagged', (ds) => ds.some(mentions('osteosarcoma')));
    await writeFile('terms/extra.glossary.yaml', SETTING_GLOSSARY);
    await diagnosticsWhere(document.uri, "'calmorin' flagged once the glossary file exists", (ds) => ds.some(mentions('calmorin')));
  } finally {
    await setSetting('glossaries', undefined);
    await deleteFile('terms/extra.glossary.yaml');
  }
  await diagnosticsWhere(document.uri, "'calmorin' no longer flagged once the setting is reset", (ds) => !ds.some(mentions('calmorin')));
});

/** Applies "Ignore 'osteosarcoma' in this workspace" in ignore.md; returns the document. */
async function ignoreInWorkspace(): Promise<vscode.TextDocument> {
  const { document } = await open('ignore.md');
  const [d] = await diagnosticsWhere(document.uri, 'osteosarcoma flagged', (ds) => ds.length === 1 && ds.some(mentions('osteosarcoma')));
  const actions = (await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>('vscode.executeCodeActionProvider', document.uri, d.range)) ?? [];
  const ignore = actions.find((a): a is vscode.CodeAction => 'kind' in a && a.title.startsWith("Ignore 'osteosarcoma' in this workspace"));
  assert.ok(ignore, `no "Ignore in this workspace" fix; offered: ${JSON.stringify(actions.map((a) => a.title))}`);
  if (ignore.edit) assert.equal(await vscode.workspace.applyEdit(ignore.edit), true, 'workspace.applyEdit refused the fix');
  if (ignore.command) await vscode.commands.executeCommand(ignore.command.command, ...(ignore.command.arguments ?? []));
  return document;
}
const configDocument = () => vscode.workspace.textDocuments.find((t) => t.uri.toString() === fileUri('.oncoterm.yaml').toString());
const readDisk = async (name: string) => Buffer.from(await vscode.workspace.fs.readFile(fileUri(name))).toString('utf8');
async function removeWorkspaceConfig(document: vscode.TextDocument): Promise<void> {
  const config = configDocument();
  if (config?.isDirty) await vscode.window.showTextDocument(config).then(() => vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor'));
  await deleteFile('.oncoterm.yaml');
  await diagnosticsWhere(document.uri, 'osteosarcoma flagged again once .oncoterm.yaml is deleted', (ds) => ds.length === 1);
}

test('quick fix "Ignore in this workspace" writes the term into an existing .oncoterm.yaml and keeps its comments', async () => {
  await vscode.workspace.fs.writeFile(fileUri('.oncoterm.yaml'), Buffer.from('# team settings\naudience: general\n'));
  const { document } = await open('ignore.md');
  await diagnosticsWhere(document.uri, 'osteosarcoma flagged with the team settings', (ds) => ds.length === 1);
  try {
    await ignoreInWorkspace();
    await waitFor('.oncoterm.yaml on disk listing osteosarcoma under ignoredTerms', async () => /ignoredTerms:[\s\S]*osteosarcoma/.test(await readDisk('.oncoterm.yaml')));
    const text = await readDisk('.oncoterm.yaml');
    assert.match(text, /^# team settings/);
    assert.match(text, /audience: general/);
    await diagnosticsWhere(document.uri, 'no diagnostics once .oncoterm.yaml ignores osteosarcoma', (ds) => ds.length === 0);
  } finally {
    await removeWorkspaceConfig(document);
  }
});

test('the "Ignore in this workspace" fix takes effect without saving .oncoterm.yaml',
  async () => {
    const document = await ignoreInWorkspace();
    try {
      await diagnosticsWhere(document.uri, `no diagnostics after the fix, without saving (.oncoterm.yaml on disk: ${JSON.stringify(await readDisk('.oncoterm.yaml').catch(() => null))}, unsaved editor on it: ${configDocument()?.isDirty ?? false})`, (ds) => ds.length === 0, 5_000);
    } finally {
      await removeWorkspaceConfig(document);
    }
  });

test('the language server is restarted after it is killed, and diagnostics come back', async () => {
  assert.ok(api, 'the activation test did not get the extension API');
  const editor = await open('restart.md');
  const { document } = editor;
  await diagnosticsWhere(document.uri, 'osteosarcoma flagged', (ds) => ds.length === 1);
  const pid = await waitFor('the language server process (a child of the extension host running dist/server.js)', serverPid);
  console.log(`    killing language server pid ${pid} (extension host pid ${process.pid})`);
  process.kill(pid, 'SIGKILL');
  await waitFor(`server process ${pid} to exit`, () => {
    try {
      process.kill(pid, 0);
      return false;
    } catch {
      return true;
    }
  });
  const newPid = await waitFor('a new language server process', () => {
    const p = serverPid();
    return p !== pid && p;
  }, 30_000);
  await waitFor('the language client to be running again', () => api!.client()?.isRunning(), 30_000);
  console.log(`    new language server pid ${newPid}`);
  // The new server must analyse: a term typed now is reported by it.
  const ok = await editor.edit((b) => b.insert(new vscode.Position(document.lineCount - 1, 0), 'Some dogs also get a carcinoma.\n'));
  assert.ok(ok, 'editing restart.md failed');
  await diagnosticsWhere(document.uri, 'osteosarcoma and carcinoma flagged by the restarted server', (ds) => ds.length === 2 && ds.some(mentions('carcinoma')), 30_000);
  const hover = await hoverAt(document.uri, positionOf(document, 'osteosarcoma', 3));
  assert.ok(hover.includes(OSTEOSARCOMA_URL), `hover after restart: ${hover}`);
});

test('command "oncoterm.restartServer" starts a new server that reports diagnostics', async () => {
  const { document } = await open('article.md');
  const before = await waitFor('the language server process', serverPid);
  await vscode.commands.executeCommand('oncoterm.restartServer');
  const after = await waitFor('a new language server process after oncoterm.restartServer', () => {
    const p = serverPid();
    return p !== before && p;
  }, 30_000);
  await waitFor('the language client to be running after the restart', () => api!.client()?.isRunning(), 30_000);
  const editor = await open('article.md');
  assert.ok(await editor.edit((b) => b.insert(new vscode.Position(document.lineCount - 1, 0), 'Some of these dogs also develop a carcinoma.\n')));
  await diagnosticsWhere(document.uri, `carcinoma flagged by the new server (pid ${after})`, (ds) => ds.some(mentions('carcinoma')), 30_000);
});

// ---------------------------------------------------------------- runner

export async function run(): Promise<void> {
  const t0 = Date.now();
  const failures: string[] = [];
  const known: string[] = [];
  console.log(`Oncoterm editor suite: VS Code ${vscode.version} (${vscode.env.appName}, ${vscode.env.appHost}), ${tests.length} tests`);
  for (const [i, t] of tests.entries()) {
    if (i > 0 && !api) {
      failures.push(t.name);
      console.log(`  FAIL ${t.name}: not run, the extension did not activate (see the first test)`);
      continue;
    }
    const start = Date.now();
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        t.fn(),
        new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`test timed out after ${t.timeoutMs} ms`)), t.timeoutMs))),
      ]);
      if (t.knownBug) {
        failures.push(t.name);
        console.log(`  FAIL ${t.name} (${Date.now() - start} ms): marked as a known bug but it passes now; change knownBug(...) to test(...)`);
      } else {
        console.log(`  ok   ${t.name} (${Date.now() - start} ms)`);
      }
    } catch (e) {
      if (t.knownBug) {
        known.push(t.name);
        console.log(`  KNOWN BUG ${t.name} (${Date.now() - start} ms): ${t.knownBug}\n       ${String((e as Error)?.message ?? e).split('\n').join('\n       ')}`);
      } else {
        failures.push(t.name);
        console.log(`  FAIL ${t.name} (${Date.now() - start} ms)\n       ${String((e as Error)?.stack ?? e).split('\n').join('\n       ')}`);
      }
    } finally {
      clearTimeout(timer);
    }
  }
  // Leave no dirty editors behind (a closing window would otherwise ask to save them).
  for (const doc of vscode.workspace.textDocuments) {
    if (!doc.isDirty) continue;
    await vscode.window.showTextDocument(doc).then(() => vscode.commands.executeCommand('workbench.action.files.revert'), () => undefined);
  }
  const passed = tests.length - failures.length - known.length;
  console.log(`Oncoterm editor suite: ${passed} passed, ${failures.length} failed, ${known.length} known bug(s) (${((Date.now() - t0) / 1000).toFixed(1)}s)`);
  if (failures.length) throw new Error(`${failures.length} of ${tests.length} editor tests failed (first: ${failures[0]})`);
}
