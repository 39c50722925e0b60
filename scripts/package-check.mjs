#!/usr/bin/env node
// Checks what a packaged .vsix contains: everything the extension needs, nothing else
// (no sources, tests, source maps or node_modules). Usage: node scripts/package-check.mjs [oncoterm.vsix]
// Run `npm run package` first. Exit code 0 when the contents are right, 1 otherwise, 2 on a bad file.
import { readFileSync, existsSync } from 'node:fs';

const file = process.argv[2] ?? 'oncoterm.vsix';
if (!existsSync(file)) {
  console.error(`package:check: ${file} not found; run npm run package first`);
  process.exit(2);
}

/** Entry names from the zip central directory. */
function zipEntries(buf) {
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 65557); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) { eocd = i; break; }
  }
  if (eocd < 0) throw new Error('not a zip file (no end of central directory)');
  const count = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  const entries = [];
  for (let n = 0; n < count; n++) {
    if (buf.readUInt32LE(at) !== 0x02014b50) throw new Error('corrupt central directory');
    const size = buf.readUInt32LE(at + 24);
    const nameLen = buf.readUInt16LE(at + 28), extraLen = buf.readUInt16LE(at + 30), commentLen = buf.readUInt16LE(at + 32);
    entries.push({ name: buf.toString('utf8', at + 46, at + 46 + nameLen), size });
    at += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

let entries;
try {
  entries = zipEntries(readFileSync(file));
} catch (e) {
  console.error(`package:check: ${file}: ${e.message}`);
  process.exit(2);
}
const names = entries.map((e) => e.name);

const REQUIRED = [
  'extension/package.json', 'extension/readme.md', 'extension/changelog.md', 'extension/LICENSE.txt',
  'extension/images/icon.png', 'extension/dist/client.js', 'extension/dist/server.js', 'extension/dist/cli.js',
  'extension/dist/glossary.json', 'extension/glossary/glossary.schema.json', 'extension/glossary/README.md',
  'extension/syntaxes/oncoterm-markdown.injection.tmLanguage.json',
];
const ALLOWED = [
  /^\[Content_Types\]\.xml$/, /^extension\.vsixmanifest$/,
  /^extension\/(package\.json|readme\.md|changelog\.md|LICENSE\.txt)$/,
  /^extension\/images\/icon\.png$/,
  /^extension\/dist\/(client|server|cli)\.js$/, /^extension\/dist\/glossary\.json$/,
  /^extension\/glossary\/[a-z0-9-]+\.yaml$/, /^extension\/glossary\/(glossary\.schema\.json|README\.md)$/,
  /^extension\/syntaxes\/[^/]+\.tmLanguage\.json$/,
];
const problems = [];
for (const r of REQUIRED) if (!names.includes(r)) problems.push(`missing ${r}`);
if (!names.some((n) => /^extension\/glossary\/[a-z0-9-]+\.yaml$/.test(n))) problems.push('missing the glossary sources (extension/glossary/*.yaml)');
for (const n of names) if (!ALLOWED.some((re) => re.test(n))) problems.push(`unexpected ${n}`);

const total = entries.reduce((s, e) => s + e.size, 0);
console.log(`package:check: ${file}: ${names.length} entries, ${(total / 1024 / 1024).toFixed(2)} MB uncompressed`);
if (problems.length) {
  for (const p of problems) console.log(`  ${p}`);
  console.log(`package:check: FAILED (${problems.length} problem(s))`);
  process.exit(1);
}
console.log('package:check: OK (bundles without source maps, glossary sources and schema, grammar, README, CHANGELOG, LICENSE, icon; nothing else)');
