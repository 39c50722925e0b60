// `node bench/textmate.mjs` (after `npm run build`): how much the generated term injection grammar
// (scripts/generate-term-grammar.mjs, the full built-in glossary) costs VS Code's TextMate tokenizer
// on Markdown. Tokenizes generated Markdown line by line with vscode-textmate + vscode-oniguruma
// and VS Code's own markdown.tmLanguage.json (from the tm-grammars package), with only the
// directive injection (what ships today) and with the term injection added, in each regex shape.
// vscode-textmate, vscode-oniguruma and tm-grammars are installed into a temporary folder (never
// into this project's dependencies). Options: --runs N (default 5), --shapes trie:classes,trie:i,... (see SHAPES)
import { execFileSync, execSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { termGrammar, TERM_GRAMMAR_SCOPE } from '../scripts/generate-term-grammar.mjs';

const ROOT = join(import.meta.dirname, '..');
const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const RUNS = Number(arg('--runs', 5));
// A variant is SHAPE[:CASEFOLD][:b] (see scripts/generate-term-grammar.mjs): shape trie | letters | flat;
// case folding classes ([tT] for every letter, the default) | i ((?i)) | initials (word-initial letters
// only); b: \\b word boundaries instead of look-arounds. What ships is trie:classes.
const SHAPES = arg('--shapes', 'trie:classes,trie:i,trie:initials,trie:classes:b,letters:classes,letters:i,flat:classes').split(',');
const variant = (name) => {
  const [shape, ...rest] = name.split(':');
  return { shape, caseFold: rest.find((r) => r !== 'b') ?? 'classes', boundary: rest.includes('b') ? 'b' : 'lookaround' };
};
const TOOLS = join(tmpdir(), 'oncoterm-textmate');
const VERSIONS = 'vscode-textmate@9.3.2 vscode-oniguruma@2.0.1 tm-grammars@1.32.22';

if (!existsSync(join(TOOLS, 'node_modules', 'tm-grammars', 'grammars', 'markdown.json')) || !existsSync(join(TOOLS, 'node_modules', 'vscode-textmate'))) {
  mkdirSync(TOOLS, { recursive: true });
  writeFileSync(join(TOOLS, 'package.json'), '{"private":true}');
  console.log(`installing ${VERSIONS} into ${TOOLS} ...`);
  execSync(`npm install --no-audit --no-fund --silent ${VERSIONS}`, { cwd: TOOLS, stdio: 'inherit' });
}
const require = createRequire(join(TOOLS, 'package.json'));
const vsctm = require('vscode-textmate');
const onig = require('vscode-oniguruma');
await onig.loadWASM(readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm')).buffer);
const onigLib = Promise.resolve({ createOnigScanner: (p) => new onig.OnigScanner(p), createOnigString: (s) => new onig.OnigString(s) });

const markdownGrammar = JSON.parse(readFileSync(require.resolve('tm-grammars/grammars/markdown.json'), 'utf8'));
// The grammars Markdown embeds (HTML, YAML front matter, fenced code languages), loaded on demand as VS Code does.
const bundled = new Map((await import(pathToFileURL(require.resolve('tm-grammars/grammars/markdown.json').replace(/grammars[\\/]markdown\.json$/, 'index.js')).href)).grammars.map((g) => [g.scopeName, g.name]));
const bundledGrammar = (scope) => (bundled.has(scope) ? JSON.parse(readFileSync(require.resolve(`tm-grammars/grammars/${bundled.get(scope)}.json`), 'utf8')) : null);
const directiveGrammar = JSON.parse(readFileSync(join(ROOT, 'syntaxes', 'oncoterm-markdown.injection.tmLanguage.json'), 'utf8'));
const glossary = JSON.parse(readFileSync(join(ROOT, 'dist', 'glossary.json'), 'utf8'));
const termGrammars = Object.fromEntries(SHAPES.map((s) => [s, termGrammar(glossary, variant(s))]));

/** A fresh registry (no compiled regexes) with the Markdown grammar and the given injections. */
async function loadMarkdown(injections) {
  const grammars = { 'text.html.markdown': markdownGrammar, [directiveGrammar.scopeName]: directiveGrammar };
  for (const g of injections) grammars[g.scopeName] = g;
  const registry = new vsctm.Registry({
    onigLib,
    // A fresh copy each time: vscode-textmate writes rule ids into the raw grammar objects.
    loadGrammar: async (scope) => (grammars[scope] ? structuredClone(grammars[scope]) : bundledGrammar(scope)),
    getInjections: (scope) => (scope === 'text.html.markdown' ? [directiveGrammar.scopeName, ...injections.map((g) => g.scopeName)] : []),
  });
  return registry.loadGrammar('text.html.markdown');
}

/** Tokenizes every line as VS Code does (tokenizeLine2, carrying the rule stack); per-line times in ms. */
function tokenize(grammar, lines) {
  const times = new Float64Array(lines.length);
  let stack = vsctm.INITIAL;
  for (let i = 0; i < lines.length; i++) {
    const t = performance.now();
    const r = grammar.tokenizeLine2(lines[i], stack);
    times[i] = performance.now() - t;
    stack = r.ruleStack;
  }
  return times;
}

const sum = (a) => a.reduce((x, y) => x + y, 0);
const median = (a) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)];
function quantile(times, q) {
  const s = [...times].sort((x, y) => x - y);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
}

/** Cold (fresh grammar: includes compiling the regexes) and warm (median of RUNS passes) figures. */
async function measure(injections, lines) {
  // Cold: a fresh registry each time (regexes compiled on first use), median of up to 3.
  const colds = [];
  let grammar;
  for (let r = 0; r < Math.min(RUNS, 3); r++) {
    const coldStart = performance.now();
    grammar = await loadMarkdown(injections);
    const times = tokenize(grammar, lines);
    colds.push({ total: performance.now() - coldStart, maxLine: Math.max(...times) });
  }
  const { total: coldTotal, maxLine: coldMaxLine } = colds.sort((a, b) => a.total - b.total)[Math.floor(colds.length / 2)];
  const passes = [];
  for (let r = 0; r < RUNS; r++) passes.push(tokenize(grammar, lines));
  const totals = passes.map(sum);
  const warm = passes[totals.indexOf(median(totals))];
  // Per line: the median over the passes of each line, so one GC pause does not make a line look slow.
  const perLine = lines.map((_, i) => median(passes.map((p) => p[i])));
  return {
    coldTotal,
    coldMaxLine,
    warmTotal: sum(warm),
    p50: quantile(perLine, 0.5),
    p99: quantile(perLine, 0.99),
    max: Math.max(...perLine),
    over1: perLine.filter((t) => t > 1).length,
    over5: perLine.filter((t) => t > 5).length,
    grammar,
  };
}

/** Generated Markdown (bench/write-corpus.ts), hard-wrapped as generated, and with each paragraph on one line. */
function corpora() {
  const dir = join(TOOLS, 'corpus');
  const out = [];
  for (const bytes of [10_000, 100_000]) {
    execFileSync(process.execPath, ['--import', 'tsx', join(ROOT, 'bench', 'write-corpus.ts'), join(dir, String(bytes)), '1', String(bytes), '42'], { cwd: ROOT });
    const text = readFileSync(join(dir, String(bytes), 'a0.md'), 'utf8');
    out.push({ label: `${bytes / 1000} KB`, lines: text.split(/\r?\n/) });
  }
  // Many writers never hard-wrap: one line per paragraph (the longest lines TextMate sees in prose).
  const wrapped = readFileSync(join(dir, '100000', 'a0.md'), 'utf8');
  const unwrapped = wrapped.split(/\n{2,}/).map((block) => (/^(?:[#|`>\-*]|\d+\.|---)/m.test(block) ? block : block.replace(/\n/g, ' '))).join('\n\n');
  out.push({ label: '100 KB unwrapped', lines: unwrapped.split('\n') });
  return out;
}

function compileTimes() {
  const rows = [];
  for (const [shape, g] of Object.entries(termGrammars)) {
    const samples = [];
    for (let r = 0; r < RUNS; r++) {
      const t = performance.now();
      const scanner = new onig.OnigScanner(g.patterns.map((p) => p.match));
      const s = new onig.OnigString('The tumour microenvironment shields cancer cells; HER2-positive breast cancers.');
      scanner.findNextMatchSync(s, 0);
      samples.push(performance.now() - t);
      scanner.dispose();
      s.dispose();
    }
    rows.push({ shape, patterns: g.patterns.length, kb: JSON.stringify(g).length / 1024, ms: median(samples) });
  }
  return rows;
}

const f = (ms) => (ms < 10 ? ms.toFixed(2) : ms.toFixed(0));
console.log(`${cpus()[0].model}, ${cpus().length} cores, node ${process.version}; ${VERSIONS}; median of ${RUNS} warm passes\n`);
console.log(`regex compile (one OnigScanner with the term patterns + first search, median of ${RUNS}):`);
for (const r of compileTimes()) console.log(`  ${r.shape.padEnd(14)} ${String(r.patterns).padStart(3)} pattern(s) ${r.kb.toFixed(0).padStart(5)} KB  ${f(r.ms).padStart(6)} ms`);
console.log();

const table = [];
for (const { label, lines } of corpora()) {
  const configs = [['markdown only', []], ['+ directives (today)', []], ...SHAPES.map((s) => [`+ terms (${s})`, [termGrammars[s]]])];
  for (const [name, injections] of configs) {
    // "markdown only" drops the directive injection too, to show what each injection costs.
    const saved = directiveGrammar.injectionSelector;
    if (name === 'markdown only') directiveGrammar.injectionSelector = 'L:nothing.at.all';
    const m = await measure(injections, lines);
    directiveGrammar.injectionSelector = saved;
    table.push({ corpus: label, lines: lines.length, name, ...m });
    console.log(`${label.padEnd(17)} ${name.padEnd(30)} cold ${f(m.coldTotal).padStart(6)} ms (slowest line ${f(m.coldMaxLine)} ms)   warm ${f(m.warmTotal).padStart(6)} ms   per line p50 ${f(m.p50)} p99 ${f(m.p99)} max ${f(m.max)} ms   lines >1 ms: ${m.over1}, >5 ms: ${m.over5}`);
  }
  console.log();
}

// What each variant scopes in the 100 KB file, and whether it leaves Markdown's own scopes alone
// (an injection that wins a tie at the start of a block stops the paragraph from beginning).
{
  const lines = corpora()[1].lines;
  /** Per line: the term spans, and the non-term scopes of every character. */
  const scan = async (injections) => {
    const grammar = await loadMarkdown(injections);
    const terms = [];
    const scopes = [];
    let stack = vsctm.INITIAL;
    for (const line of lines) {
      const r = grammar.tokenizeLine(line, stack);
      const perChar = [];
      for (const t of r.tokens) {
        const own = t.scopes.filter((s) => !s.startsWith('meta.term.')).join(' ');
        for (let k = t.startIndex; k < Math.min(t.endIndex, line.length); k++) perChar.push(own);
        const term = t.scopes.find((s) => s.startsWith('meta.term.'));
        if (term) terms.push(`${line.slice(t.startIndex, t.endIndex)}${term.includes('abbreviation') ? ' (abbr)' : ''}`);
      }
      scopes.push(perChar.join('|'));
      stack = r.ruleStack;
    }
    return { terms, scopes };
  };
  const base = await scan([]);
  for (const shape of SHAPES) {
    const { terms, scopes } = await scan([termGrammars[shape]]);
    const changed = scopes.filter((s, i) => s !== base.scopes[i]).length;
    console.log(`${shape.padEnd(16)} scopes ${terms.length} terms in the 100 KB file (${new Set(terms).size} distinct); lines whose Markdown scopes change: ${changed}`);
  }
}
console.log(`\nterm grammar scope: ${TERM_GRAMMAR_SCOPE}`);
