/**
 * The long fuzz run: `npm run fuzz -- --runs N [--seed S]`. Runs every property of
 * test/reliability/properties.ts N times against the test glossary and the built-in glossary,
 * and prints how many cases ran and what held.
 */
import { join } from 'node:path';
import fc from 'fast-check';
import { mergeGlossaries } from '../../server/src/core/glossary/glossary';
import { loadBuiltinGlossary } from '../../server/src/lsp/builtin';
import { testGlossary } from '../core/helpers';
import { properties } from './properties';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const runs = arg('--runs', 1000);
const seed = arg('--seed', Date.now() % 100000);
const root = join(__dirname, '..', '..');
const builtin = loadBuiltinGlossary(join(root, 'dist'), root);
const glossaries = { 'test glossary': testGlossary(), 'built-in glossary': mergeGlossaries(builtin.files, builtin.index) };

let failed = 0;
console.log(`fuzz: ${runs} cases per property, seed ${seed}`);
for (const [glossaryName, glossary] of Object.entries(glossaries)) {
  for (const [name, property] of Object.entries(properties(glossary))) {
    const started = performance.now();
    const result = fc.check(property, { numRuns: runs, seed });
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    if (result.failed) {
      failed++;
      console.log(`FAIL  ${name} [${glossaryName}] after ${result.numRuns} cases (${seconds} s)\n      counterexample: ${JSON.stringify(result.counterexample)}\n      ${String(result.errorInstance).split('\n')[0]}`);
    } else {
      console.log(`held  ${name} [${glossaryName}]: ${result.numRuns} cases passed (${seconds} s)`);
    }
  }
}
console.log(failed ? `${failed} propert${failed === 1 ? 'y' : 'ies'} failed` : 'every property held');
process.exit(failed ? 1 : 0);
