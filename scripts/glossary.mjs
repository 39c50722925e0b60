// Glossary tools. Usage:
//   node scripts/glossary.mjs check         validate glossary/*.yaml (same checks as the tests)
//   node scripts/glossary.mjs stats         counts by category and level
//   node scripts/glossary.mjs sample [N]    N random entries for review (default 10)
import { compileGlossary } from './glossary-lib.mjs';
import { checkGlossary } from './glossary-checks.mjs';

const [command = 'stats', arg] = process.argv.slice(2);
const { files, entries } = await compileGlossary('glossary');
const all = files.flatMap((f) => f.entries.map((e) => ({ ...e, file: f.file })));

if (command === 'check') {
  const problems = checkGlossary(files);
  for (const p of problems) console.log(p);
  console.log(problems.length ? `${problems.length} problem(s) in ${entries} entries` : `ok: ${entries} entries in ${files.length} files`);
  process.exit(problems.length ? 1 : 0);
} else if (command === 'stats') {
  const count = (key) => {
    const m = new Map();
    for (const e of all) m.set(e[key], (m.get(e[key]) ?? 0) + 1);
    return [...m].sort((a, b) => b[1] - a[1]);
  };
  console.log(`${entries} entries in ${files.length} files`);
  console.log(`with an NCI Dictionary id: ${all.filter((e) => e.sources.some((s) => s.nci)).length}`);
  console.log(`aliases: ${all.reduce((n, e) => n + e.aliases.length, 0)}, abbreviations: ${all.reduce((n, e) => n + e.abbreviations.length, 0)}`);
  console.log('\nby level:');
  for (const [k, v] of count('level')) console.log(`  ${k.padEnd(16)} ${v}`);
  console.log('\nby category:');
  for (const [k, v] of count('category')) console.log(`  ${k.padEnd(16)} ${v}`);
} else if (command === 'sample') {
  const n = Number(arg ?? 10);
  const picked = [...all].sort(() => Math.random() - 0.5).slice(0, n);
  for (const e of picked) {
    console.log(`${e.term}${e.abbreviations.length ? ` (${e.abbreviations.join(', ')})` : ''}  [${e.level}, ${e.category}]  ${e.file}`);
    console.log(`  short: ${e.short}`);
    console.log(`  ${e.definition}`);
    console.log(`  ${e.sources.map((s) => s.url).join(' ')}\n`);
  }
} else {
  console.error('usage: node scripts/glossary.mjs check|stats|sample [N]');
  process.exit(2);
}
