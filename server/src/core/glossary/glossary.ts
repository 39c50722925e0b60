import type { Entry, Problem } from '../types';
import type { GlossaryFile } from './parse';
import { TermIndex, type IndexRecording } from './terms-index';

/**
 * All entries in force, after merging every glossary in order (built-in first, then the user's),
 * with the index built over them. Immutable: a change of glossaries builds a new one.
 */
export interface Glossary {
  entries: readonly Entry[];
  byId: ReadonlyMap<string, number>;
  index: TermIndex;
  problems: readonly Problem[];
}

/**
 * Later files override earlier ones by id, or by term (case-insensitive) when ids differ.
 * `saved` is a recorded index of the leading entries (the built-in glossary); it is used only when
 * no later file overrides one of those entries.
 */
export function mergeGlossaries(files: readonly GlossaryFile[], saved?: IndexRecording): Glossary {
  let overridden = false;
  const entries: Entry[] = [];
  const byId = new Map<string, number>();
  const byTerm = new Map<string, number>();
  const problems: Problem[] = [];
  for (const file of files) {
    problems.push(...file.problems);
    const seen = new Set<string>();
    for (const entry of file.entries) {
      if (seen.has(entry.id)) {
        problems.push({ file: file.file, message: `the id "${entry.id}" is used twice in this file; the later entry wins`, severity: 'warning', line: entry.origin?.line ?? 0, character: 0 });
      }
      seen.add(entry.id);
      const termKey = entry.term.toLowerCase();
      const existing = byId.get(entry.id) ?? byTerm.get(termKey);
      if (existing !== undefined) {
        if (saved && existing < saved.entries) overridden = true;
        const old = entries[existing];
        byTerm.delete(old.term.toLowerCase());
        byId.delete(old.id);
        entries[existing] = entry;
        byId.set(entry.id, existing);
        byTerm.set(termKey, existing);
      } else {
        byId.set(entry.id, entries.length);
        byTerm.set(termKey, entries.length);
        entries.push(entry);
      }
    }
  }
  return { entries, byId, index: new TermIndex(entries, overridden ? undefined : saved), problems };
}

/** Find an entry by id, term, alias or abbreviation (case-insensitive except abbreviations). */
export function lookupEntry(glossary: Glossary, name: string): Entry | undefined {
  const byId = glossary.byId.get(name.trim().toLowerCase());
  if (byId !== undefined) return glossary.entries[byId];
  const wanted = name.trim().toLowerCase();
  return glossary.entries.find((e) => e.term.toLowerCase() === wanted || e.aliases.some((a) => a.toLowerCase() === wanted))
    ?? glossary.entries.find((e) => e.abbreviations.includes(name.trim()));
}
