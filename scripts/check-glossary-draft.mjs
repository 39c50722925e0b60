// Draft checker used while writing glossary batches. Usage: node scripts/check-glossary-draft.mjs [files...]
// With no files, checks every glossary/*.yaml. Prints problems; exit 1 if any.
import { readFileSync, readdirSync } from 'node:fs';
import { parse } from 'yaml';
const LEVELS = new Set(['everyday', 'technical', 'specialist']);
const CATEGORIES = new Set(['anatomy','biology','genetics','cancer-type','diagnosis','staging','pathology','treatment','drug','side-effect','research','supportive-care','prevention','general']);
const files = process.argv.slice(2).length ? process.argv.slice(2) : readdirSync('glossary').filter(f => f.endsWith('.yaml')).map(f => 'glossary/' + f);
const all = readdirSync('glossary').filter(f => f.endsWith('.yaml')).map(f => 'glossary/' + f);
let problems = 0; const ids = new Map(); const names = new Map(); const defs = new Map();
const say = (f, id, m) => { problems++; console.log(`${f}: ${id}: ${m}`); };
const words = s => s.trim().split(/\s+/).filter(Boolean).length;
for (const f of all) {
  let list; try { list = parse(readFileSync(f, 'utf8')); } catch (e) { say(f, '-', 'YAML: ' + e.message); continue; }
  if (!Array.isArray(list)) { say(f, '-', 'file must be a YAML list'); continue; }
  const mine = files.includes(f);
  for (const e of list) {
    const id = e?.id ?? '?';
    if (ids.has(id)) say(f, id, 'duplicate id (also in ' + ids.get(id) + ')'); ids.set(id, f);
    for (const n of [e.term, ...(e.aliases ?? [])].filter(Boolean)) { const k = String(n).toLowerCase(); if (names.has(k) && names.get(k) !== id) say(f, id, `name "${n}" also claimed by ${names.get(k)}`); names.set(k, id); }
    for (const n of e.abbreviations ?? []) { const k = 'ABBR:' + n; if (names.has(k) && names.get(k) !== id && !e.disambiguation) say(f, id, `abbreviation "${n}" also claimed by ${names.get(k)}`); names.set(k, id); }
    if (!mine) continue;
    if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(id)) say(f, id, 'id must be kebab-case');
    if (typeof e.term !== 'string' || !e.term) say(f, id, 'missing term');
    if (typeof e.short !== 'string' || words(e.short) > 12) say(f, id, 'short missing or over 12 words');
    else if (e.term && e.short.toLowerCase().includes(e.term.toLowerCase())) say(f, id, 'short repeats the term');
    if (typeof e.definition !== 'string') say(f, id, 'missing definition');
    else { const n = (e.definition.match(/[.!?](\s|$)/g) ?? []).length; if (n < 1 || n > 3) say(f, id, `definition has ${n} sentences`); if (words(e.definition) > 65) say(f, id, 'definition over 60 words'); if (defs.has(e.definition)) say(f, id, 'same definition as ' + defs.get(e.definition)); defs.set(e.definition, id); }
    if (!LEVELS.has(e.level)) say(f, id, 'bad level ' + e.level);
    if (!CATEGORIES.has(e.category)) say(f, id, 'bad category ' + e.category);
    if (!Array.isArray(e.sources) || !e.sources.length) say(f, id, 'no sources');
    for (const k of Object.keys(e)) if (!['id','term','aliases','abbreviations','short','definition','level','category','sources','related','disambiguation'].includes(k)) say(f, id, 'unknown key ' + k);
  }
}
for (const f of files) for (const e of (parse(readFileSync(f,'utf8')) ?? [])) for (const r of e.related ?? []) if (!ids.has(r)) say(f, e.id, 'related id not found: ' + r);
console.log(problems ? `${problems} problem(s)` : `ok: ${ids.size} entries in ${all.length} files`);
process.exit(problems ? 1 : 0);
