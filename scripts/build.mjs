// Build: compile the built-in glossary to dist/glossary.json, then bundle client, server and CLI with esbuild.
// Usage: node scripts/build.mjs [--watch] [--minify]
import { build, context } from 'esbuild';
import { mkdirSync, writeFileSync } from 'node:fs';
import { compileGlossary, loadParser } from './glossary-lib.mjs';
import { termGrammarText, TERM_GRAMMAR_FILE } from './generate-term-grammar.mjs';

const watch = process.argv.includes('--watch');
const minify = process.argv.includes('--minify');

mkdirSync('dist', { recursive: true });
const compiled = await compileGlossary('glossary');
const errors = compiled.files.flatMap((f) => f.problems.filter((p) => p.severity === 'error'));
if (errors.length) {
  for (const p of errors) console.error(`${p.file}:${p.line + 1}:${p.character + 1} ${p.message}`);
  console.error(`build: ${errors.length} error(s) in the built-in glossary`);
  process.exit(1);
}
const { compileGlossary: compileForShipping } = await loadParser();
const shipped = compileForShipping(compiled.files);
writeFileSync('dist/glossary.json', JSON.stringify(shipped));
// The TextMate injection that scopes the built-in terms (test/glossary/term-grammar.test.ts keeps it fresh).
writeFileSync(TERM_GRAMMAR_FILE, termGrammarText(shipped));

// ESM-only dependencies read import.meta.url; in a CommonJS bundle it is derived from __filename.
const importMetaUrl = "const __import_meta_url = require('url').pathToFileURL(__filename).href;";
const common = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: true, minify, logLevel: 'warning', define: { 'import.meta.url': '__import_meta_url' }, banner: { js: importMetaUrl } };
const targets = [
  { ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] },
  { ...common, entryPoints: ['server/src/lsp/main.ts'], outfile: 'dist/server.js' },
  { ...common, entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node\n' + importMetaUrl } },
];
if (watch) {
  for (const t of targets) await (await context(t)).watch();
  console.log('build: watching');
} else {
  await Promise.all(targets.map((t) => build(t)));
  console.log(`build: ${compiled.entries} glossary entries in ${compiled.files.length} files; bundles in dist/`);
}
