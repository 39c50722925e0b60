import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, test } from 'node:test';
import type { CodeAction, Hover, Location, DocumentLink, Diagnostic } from 'vscode-languageserver-protocol';
import { TestClient } from './harness';

const URI = 'file:///tmp/oncoterm-test/article.md';
let client: TestClient;

before(async () => {
  client = new TestClient();
  const result = await client.initialize() as { capabilities: Record<string, unknown> };
  assert.ok(result.capabilities.hoverProvider);
});
after(async () => client.stop());

const codes = (d: Diagnostic[]) => d.map((x) => `${x.code}@${x.range.start.line}:${x.range.start.character}`);

test('diagnostics are published for the document version, with code, source, href and data', async () => {
  client.open(URI, '# Dogs\n\nLarge dogs get osteosarcoma.\n');
  const diagnostics = await client.diagnosticsFor(URI, (d) => d.length > 0);
  assert.deepEqual(codes(diagnostics), ['undefined-term@2:15']);
  const [d] = diagnostics;
  assert.equal(d.source, 'oncoterm');
  assert.match(d.codeDescription!.href, /rules\.md#undefined-term$/);
  assert.match(d.message, /'osteosarcoma' is not explained/);
  assert.equal((d.data as { version: number }).version, 1);
});

test('hover over osteosarcoma shows the definition and a source link', async () => {
  const hover = await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: URI }, position: { line: 2, character: 20 } }) as Hover;
  const value = (hover.contents as { value: string }).value;
  assert.match(value, /\*\*osteosarcoma\*\*/);
  assert.match(value, /bone/);
  assert.match(value, /\(https:\/\/www\.cancer\.gov\/publications\/dictionaries\/cancer-terms\/def\/45395\)/);
  assert.deepEqual(hover.range, { start: { line: 2, character: 15 }, end: { line: 2, character: 27 } });
  const nothing = await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: URI }, position: { line: 2, character: 2 } });
  assert.equal(nothing, null);
});

test('a quick fix applied through workspace/applyEdit changes the text and the diagnostic goes', async () => {
  const diagnostics = await client.diagnosticsFor(URI, (d) => d.length > 0);
  const actions = await client.connection.sendRequest('textDocument/codeAction', {
    textDocument: { uri: URI }, range: diagnostics[0].range, context: { diagnostics, only: ['quickfix'] },
  }) as CodeAction[];
  const titles = actions.map((a) => a.title);
  assert.ok(titles.some((t) => t.startsWith("Explain 'osteosarcoma' in place")), titles.join('|'));
  assert.ok(titles.some((t) => t.startsWith('Add a footnote')));
  assert.ok(titles.some((t) => t.startsWith("Link 'osteosarcoma'")));
  assert.ok(titles.some((t) => t.startsWith("Add 'osteosarcoma' to the document's Glossary")));
  assert.ok(titles.some((t) => t.startsWith("Ignore 'osteosarcoma' in this document")));
  const preferred = actions.find((a) => a.isPreferred)!;
  assert.ok(client.apply(preferred.edit!));
  assert.match(client.text(URI), /osteosarcoma \(.+\)\.\n$/);
  const after = await client.diagnosticsFor(URI, (d) => d.length === 0);
  assert.deepEqual(after, []);
});

test('an edit computed for an old version is refused', async () => {
  const uri = 'file:///tmp/oncoterm-test/stale.md';
  client.open(uri, 'He had osteosarcoma.\n');
  const diagnostics = await client.diagnosticsFor(uri, (d) => d.length > 0);
  const actions = await client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: diagnostics[0].range, context: { diagnostics } }) as CodeAction[];
  const versioned = actions[0].edit!.documentChanges![0] as { textDocument: { version: number } };
  assert.equal(versioned.textDocument.version, 1);
  client.edit(uri, 0, 0, 'Yesterday ');
  assert.equal(client.apply(actions[0].edit!), false);
  const error = await client.connection.sendRequest('workspace/executeCommand', { command: 'oncoterm.server.defineAll', arguments: [{ uri, version: 1 }] }).then(() => null, (e: Error) => e);
  assert.match(String(error?.message), /document changed/);
});

test('source.fixAll.oncoterm defines every term; the define-all command does the same', async () => {
  const uri = 'file:///tmp/oncoterm-test/all.md';
  client.open(uri, 'The NSCLC and [osteosarcoma](#) and carcinoma.\n');
  await client.diagnosticsFor(uri, (d) => d.length >= 3);
  const actions = await client.connection.sendRequest('textDocument/codeAction', {
    textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [], only: ['source.fixAll.oncoterm'] },
  }) as CodeAction[];
  assert.deepEqual(actions.map((a) => a.kind), ['source.fixAll.oncoterm']);
  const result = await client.connection.sendRequest('workspace/executeCommand', { command: 'oncoterm.server.defineAll', arguments: [{ uri, version: 1 }] }) as { applied: boolean };
  assert.equal(result.applied, true);
  assert.match(client.text(uri), /non-small cell lung cancer \(NSCLC: .+\) and \[osteosarcoma\]\(https:\/\/www\.cancer\.gov\/.+\) \(.+\) and carcinoma \(.+\)\./);
  await client.diagnosticsFor(uri, (d) => d.length === 0);
});

test('document links, go to definition and semantic tokens', async () => {
  const uri = 'file:///tmp/oncoterm-test/links.md';
  client.open(uri, 'Osteosarcoma and metastasis.\n');
  await client.diagnosticsFor(uri);
  const links = await client.connection.sendRequest('textDocument/documentLink', { textDocument: { uri } }) as DocumentLink[];
  assert.deepEqual(links.map((l) => l.target), ['https://www.cancer.gov/publications/dictionaries/cancer-terms/def/45395', 'https://www.cancer.gov/publications/dictionaries/cancer-terms/def/46710']);
  const location = await client.connection.sendRequest('textDocument/definition', { textDocument: { uri }, position: { line: 0, character: 3 } }) as Location;
  assert.match(location.uri, /glossary\/[a-z0-9-]+\.yaml$/);
  const tokens = await client.connection.sendRequest('textDocument/semanticTokens/full', { textDocument: { uri } }) as { data: number[] };
  assert.deepEqual(tokens.data.slice(0, 3), [0, 0, 12]);
});

test('positions are right on lines with emoji and CRLF line endings', async () => {
  const uri = 'file:///tmp/oncoterm-test/emoji.md';
  client.open(uri, '# 🧬 Notes\r\n\r\n🐕🐕 Dogs get osteosarcoma.\r\n');
  const diagnostics = await client.diagnosticsFor(uri, (d) => d.length > 0);
  assert.deepEqual(diagnostics[0].range, { start: { line: 2, character: 14 }, end: { line: 2, character: 26 } });
});

test('settings: a null answer means defaults; a malformed answer does not break the server; audience and severity apply', async () => {
  const uri = 'file:///tmp/oncoterm-test/settings.md';
  client.open(uri, 'Osteosarcoma and the pre-metastatic niche.\n');
  assert.equal((await client.diagnosticsFor(uri, (d) => d.length === 2)).length, 2);
  client.settings = { audience: 'clinician', diagnostics: { 'undefined-term': { severity: 'error' } } };
  await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
  const clinician = await client.diagnosticsFor(uri, (d) => d.length === 1);
  assert.equal(clinician[0].severity, 1);
  client.settings = 'garbage';
  await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
  await client.diagnosticsFor(uri, (d) => d.length === 2);
  client.settings = null;
  await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
  await client.diagnosticsFor(uri, (d) => d.length === 2 && d.every((x) => x.severity === 2));
});

test('a broken user glossary gets a diagnostic at its line; its valid entries and the built-in glossary keep working', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'oncoterm-ws-'));
  const glossary = join(dir, 'team.glossary.yaml');
  writeFileSync(glossary, '- term: Klf4\n  definition: A gene that turns other genes on and off.\n  sources: [{url: "https://www.ncbi.nlm.nih.gov/gene/9314"}]\n- term: broken\n  definition: [oops\n');
  const ws = new TestClient();
  try {
    ws.settings = { glossaries: ['team.glossary.yaml'] };
    await ws.initialize(dir);
    const uri = pathToFileURL(join(dir, 'doc.md')).toString();
    ws.open(uri, 'Klf4 and osteosarcoma.\n');
    const diagnostics = await ws.diagnosticsFor(uri, (d) => d.length === 2);
    assert.deepEqual(diagnostics.map((d) => d.code), ['undefined-term', 'undefined-term']);
    const problems = await ws.until(() => ws.diagnostics.get(pathToFileURL(glossary).toString())?.diagnostics, 'glossary diagnostics');
    assert.ok(problems.length > 0);
    assert.ok(problems.every((p) => p.range.start.line >= 4), JSON.stringify(problems.map((p) => p.range.start)));
  } finally {
    await ws.stop();
  }
});

test('requests for closed or unknown documents answer cleanly', async () => {
  const hover = await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: 'file:///nope.md' }, position: { line: 0, character: 0 } });
  assert.equal(hover, null);
  const actions = await client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri: 'file:///nope.md' }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [] } });
  assert.deepEqual(actions, []);
});

test('shutdown then exit ends the server process with code 0', async () => {
  const c = new TestClient();
  await c.initialize();
  const exited = new Promise<number | null>((resolve) => c.process.once('exit', (code) => resolve(code)));
  await c.connection.sendRequest('shutdown');
  await c.connection.sendNotification('exit');
  assert.equal(await exited, 0);
  c.connection.dispose();
});

test('inlay hints show the short gloss after unexplained terms when enabled', async () => {
  const c = new TestClient();
  try {
    c.settings = { inlayHints: { enabled: true } };
    await c.initialize();
    const uri = 'file:///tmp/oncoterm-test/inlay.md';
    c.open(uri, 'Dogs get osteosarcoma.\n');
    await c.diagnosticsFor(uri, (d) => d.length === 1);
    const result = await c.connection.sendRequest('textDocument/inlayHint', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 1, character: 0 } } }) as { label: string; position: unknown }[];
    assert.equal(result.length, 1);
    assert.match(result[0].label, /^ \(.+\)$/);
    assert.deepEqual(result[0].position, { line: 0, character: 21 });
  } finally {
    await c.stop();
  }
});

test('"ignore in this workspace" writes .oncoterm.yaml and the term stops being reported', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'oncoterm-ignore-'));
  const ws = new TestClient();
  try {
    await ws.initialize(dir);
    const uri = pathToFileURL(join(dir, 'doc.md')).toString();
    ws.open(uri, 'Dogs get osteosarcoma.\n');
    const [d] = await ws.diagnosticsFor(uri, (x) => x.length === 1);
    const actions = await ws.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } }) as CodeAction[];
    const ignore = actions.find((a) => a.title === "Ignore 'osteosarcoma' in this workspace")!;
    await ws.connection.sendRequest('workspace/executeCommand', { command: ignore.command!.command, arguments: ignore.command!.arguments });
    assert.match(readFileSync(join(dir, '.oncoterm.yaml'), 'utf8'), /ignoredTerms:\n\s+- osteosarcoma/);
    await ws.diagnosticsFor(uri, (x) => x.length === 0);
  } finally {
    await ws.stop();
  }
});
