// The built-in glossary's quality checks, shared by `npm run glossary:check` and test/glossary.
const LEVELS = new Set(['everyday', 'technical', 'specialist']);
const CATEGORIES = new Set(['anatomy', 'biology', 'genetics', 'cancer-type', 'diagnosis', 'staging', 'pathology', 'treatment', 'drug', 'side-effect', 'research', 'supportive-care', 'prevention', 'general']);
const words = (s) => s.trim().split(/\s+/).filter(Boolean).length;
/** Sentences end with . ! or ? followed by a space or the end. */
const sentences = (s) => (s.trim().match(/[.!?](?=\s|$)/g) ?? []).length;

/** Every problem of the parsed built-in glossary files, as `file: id: message` lines. */
export function checkGlossary(files) {
  const problems = [];
  const say = (file, id, message) => problems.push(`${file}: ${id}: ${message}`);
  const ids = new Map();
  const names = new Map();
  const abbreviations = new Map();
  const definitions = new Map();
  for (const f of files) for (const p of f.problems) say(f.file, `line ${p.line + 1}`, p.message);
  const entries = files.flatMap((f) => f.entries.map((e) => ({ e, file: f.file })));
  for (const { e, file } of entries) {
    if (ids.has(e.id)) say(file, e.id, `duplicate id (also in ${ids.get(e.id)})`);
    ids.set(e.id, file);
  }
  for (const { e, file } of entries) {
    for (const name of [e.term, ...e.aliases]) {
      const key = name.toLowerCase();
      const other = names.get(key);
      if (other && other !== e.id && !e.disambiguation) say(file, e.id, `name "${name}" is also claimed by ${other}`);
      names.set(key, e.id);
    }
    for (const a of e.abbreviations) {
      const other = abbreviations.get(a);
      if (other && other !== e.id && !e.disambiguation) say(file, e.id, `abbreviation "${a}" is also claimed by ${other} (add a disambiguation)`);
      abbreviations.set(a, e.id);
    }
    if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(e.id)) say(file, e.id, 'id is not kebab-case');
    if (words(e.short) > 12) say(file, e.id, `short has ${words(e.short)} words (at most 12)`);
    if (e.short.toLowerCase().includes(e.term.toLowerCase())) say(file, e.id, 'short repeats the term');
    const n = sentences(e.definition);
    if (n < 1 || n > 3) say(file, e.id, `definition has ${n} sentences (1 to 3)`);
    if (words(e.definition) > 70) say(file, e.id, `definition has ${words(e.definition)} words`);
    if (definitions.has(e.definition)) say(file, e.id, `same definition as ${definitions.get(e.definition)}`);
    definitions.set(e.definition, e.id);
    if (!LEVELS.has(e.level)) say(file, e.id, `unknown level ${e.level}`);
    if (!CATEGORIES.has(e.category)) say(file, e.id, `unknown category ${e.category}`);
    if (!e.sources.length) say(file, e.id, 'no source');
    for (const s of e.sources) if (!/^https:\/\/[a-z0-9.-]+\.[a-z]{2,}\//i.test(s.url)) say(file, e.id, `source is not a well-formed https URL: ${s.url}`);
    for (const r of e.related) if (!ids.has(r)) say(file, e.id, `related id not found: ${r}`);
    if (/<[a-z/]|\]\(|javascript:|command:/i.test(e.definition + e.short)) say(file, e.id, 'markup or a link in the text');
  }
  return problems;
}
