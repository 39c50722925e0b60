import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { test } from 'node:test';
import type { Hover } from 'vscode-languageserver-protocol';
import { TestClient } from '../lsp/harness';

function rssMB(pid: number): number {
  return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024;
}

test('a burst of 1,000 edits keeps the server responsive and ends with the right diagnostics', async () => {
  const client = new TestClient();
  try {
    await client.initialize();
    const uri = 'file:///burst.md';
    client.open(uri, 'Start.\n');
    await client.diagnosticsFor(uri);
    let text = 'Start.\n';
    for (let i = 0; i < 1000; i++) {
      const insert = i % 10 === 0 ? ' osteosarcoma' : ' word';
      client.edit(uri, text.length - 1, text.length - 1, insert);
      text = text.slice(0, -1) + insert + '\n';
    }
    const hover = await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 10 } }) as Hover;
    assert.match((hover.contents as { value: string }).value, /osteosarcoma/);
    const diagnostics = await client.diagnosticsFor(uri, (d) => d.length === 1);
    assert.equal(diagnostics[0].code, 'undefined-term');
    assert.equal(client.text(uri), text);
  } finally {
    await client.stop();
  }
});

test('opening and closing 10,000 documents does not grow memory', async () => {
  const client = new TestClient();
  try {
    await client.initialize();
    const cycle = async (from: number, count: number) => {
      for (let i = from; i < from + count; i++) {
        const uri = `file:///doc${i}.md`;
        client.open(uri, `Document ${i} about osteosarcoma and the tumor microenvironment (TME).\n`);
        await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
        client.docs.delete(uri);
      }
      await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: 'file:///none.md' }, position: { line: 0, character: 0 } });
    };
    await cycle(0, 1000);
    const before = rssMB(client.process.pid!);
    await cycle(1000, 9000);
    const after = rssMB(client.process.pid!);
    assert.ok(after - before < 40, `RSS grew from ${before.toFixed(0)} MB to ${after.toFixed(0)} MB`);
  } finally {
    await client.stop();
  }
});

test('a glossary file deleted or replaced while the server runs is noticed, and the server recovers', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'oncoterm-fault-'));
  const glossary = join(dir, 'team.glossary.yaml');
  writeFileSync(glossary, '- term: zorbulin\n  definition: A made-up protein.\n  sources: [{url: "https://example.org/zorbulin"}]\n');
  const client = new TestClient();
  try {
    client.settings = { glossaries: ['team.glossary.yaml'] };
    await client.initialize(dir);
    const uri = pathToFileURL(join(dir, 'doc.md')).toString();
    client.open(uri, 'Zorbulin and quexidase.\n');
    await client.diagnosticsFor(uri, (d) => d.some((x) => x.message.includes('Zorbulin')));
    rmSync(glossary);
    const glossaryUri = pathToFileURL(glossary).toString();
    await client.until(() => client.diagnostics.get(glossaryUri)?.diagnostics.some((d) => /not found/.test(d.message)), 'a diagnostic saying the glossary is gone', 15_000);
    await client.diagnosticsFor(uri, (d) => d.length === 0);
    writeFileSync(glossary, '- term: quexidase\n  definition: A made-up enzyme.\n  sources: [{url: "https://example.org/quexidase"}]\n');
    await client.diagnosticsFor(uri, (d) => d.length === 1 && d[0].message.includes('quexidase'));
  } finally {
    await client.stop();
  }
});

test('hostile glossaries: HTML, links and command URLs in definitions are shown as text; a huge file is refused with a message', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'oncoterm-hostile-'));
  writeFileSync(join(dir, 'hostile.glossary.yaml'), [
    '- term: Klf4',
    '  definition: "<img src=x onerror=alert(1)> [click](command:workbench.action.quit) **bold** <script>x</script>"',
    '  sources: [{url: "command:workbench.action.quit"}, {url: "javascript:alert(1)"}, {url: "https://www.ncbi.nlm.nih.gov/gene/9314"}]',
  ].join('\n') + '\n');
  writeFileSync(join(dir, 'huge.glossary.yaml'), Buffer.alloc(21 * 1024 * 1024, 'a'));
  writeFileSync(join(dir, 'latin1.glossary.yaml'), Buffer.from('- term: caf\xe9 au lait spot\n  definition: A flat brown mark on the skin.\n', 'latin1'));
  const client = new TestClient();
  try {
    client.settings = { glossaries: ['hostile.glossary.yaml', 'huge.glossary.yaml', 'latin1.glossary.yaml'] };
    await client.initialize(dir);
    const uri = pathToFileURL(join(dir, 'doc.md')).toString();
    client.open(uri, 'Klf4 here.\n');
    await client.diagnosticsFor(uri, (d) => d.length === 1);
    const hover = await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 1 } }) as Hover;
    const value = (hover.contents as { value: string }).value;
    assert.doesNotMatch(value, /(^|[^\\])<(img|script)|[^\\]\]\((command|javascript):/);
    assert.match(value, /\\<img/);
    assert.match(value, /\(https:\/\/www\.ncbi\.nlm\.nih\.gov\/gene\/9314\)/);
    const hostile = await client.until(() => client.diagnostics.get(pathToFileURL(join(dir, 'hostile.glossary.yaml')).toString())?.diagnostics, 'hostile glossary diagnostics');
    assert.equal(hostile.filter((d) => /only http\(s\) source links/.test(d.message)).length, 2);
    const huge = await client.until(() => client.diagnostics.get(pathToFileURL(join(dir, 'huge.glossary.yaml')).toString())?.diagnostics, 'huge glossary diagnostics');
    assert.match(huge[0].message, /too large/);
    const latin1 = await client.until(() => client.diagnostics.get(pathToFileURL(join(dir, 'latin1.glossary.yaml')).toString())?.diagnostics, 'invalid UTF-8 diagnostics');
    assert.match(latin1[0].message, /not valid UTF-8/);
  } finally {
    await client.stop();
  }
});

test('a workspace file cannot make the server read a glossary outside the workspace', async () => {
  const outside = mkdtempSync(join(tmpdir(), 'oncoterm-outside-'));
  writeFileSync(join(outside, 'secret.yaml'), '- term: zorbulin\n  definition: A made-up protein.\n');
  const dir = mkdtempSync(join(tmpdir(), 'oncoterm-ws-'));
  writeFileSync(join(dir, '.oncoterm.yaml'), `glossaries: [${JSON.stringify(join(outside, 'secret.yaml'))}, ../${outside.split('/').pop()}/secret.yaml]\n`);
  const client = new TestClient();
  try {
    await client.initialize(dir);
    const uri = pathToFileURL(join(dir, 'doc.md')).toString();
    client.open(uri, 'Zorbulin here.\n');
    assert.deepEqual(await client.diagnosticsFor(uri), []);
    const problems = await client.until(() => client.diagnostics.get(pathToFileURL(join(outside, 'secret.yaml')).toString())?.diagnostics, 'a refusal');
    assert.match(problems[0].message, /outside the workspace/);
  } finally {
    await client.stop();
  }
});

test('huge documents: a 50 MB file is skipped with a message, a 5 MB single line is analysed, and the server keeps answering', async () => {
  const client = new TestClient();
  const messages: string[] = [];
  client.connection.onNotification('window/showMessage', (p: { message: string }) => messages.push(p.message));
  try {
    await client.initialize();
    const big = 'file:///big.md';
    client.open(big, 'osteosarcoma '.repeat(4_000_000));
    await client.until(() => messages.find((m) => /does not analyse documents over/.test(m)), 'the size message', 60_000);
    const line = 'file:///line.md';
    client.open(line, 'osteosarcoma and words '.repeat(230_000));
    const diagnostics = await client.diagnosticsFor(line, (d) => d.length === 1);
    assert.equal(diagnostics[0].code, 'undefined-term');
    const small = 'file:///small.md';
    client.open(small, 'Carcinoma.\n');
    assert.equal((await client.diagnosticsFor(small, (d) => d.length === 1)).length, 1);
  } finally {
    await client.stop();
  }
});
