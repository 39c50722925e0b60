import { mergeGlossaries } from './glossary';
import { parseGlossary, type GlossaryFile } from './parse';
import { TermIndex, type IndexRecording } from './terms-index';

export { parseGlossary };

/** The built-in glossary as shipped in `dist/glossary.json`: the parsed files and the recorded index. */
export interface CompiledGlossary {
  files: GlossaryFile[];
  index: IndexRecording;
}

/** Parse results of the built-in files -> what the build writes (the index is recorded once here). */
export function compileGlossary(files: GlossaryFile[]): CompiledGlossary {
  const merged = mergeGlossaries(files);
  const index = new TermIndex(merged.entries, undefined, true).recording()!;
  return { files: files.map((f) => ({ file: f.file, entries: f.entries, problems: [] })), index };
}
