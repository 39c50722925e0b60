import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CompiledGlossary } from '../core/glossary/compile';
import { parseGlossary, type GlossaryFile } from '../core/glossary/parse';
import type { IndexRecording } from '../core/glossary/terms-index';

/** The built-in glossary files and, when loaded from the build, the recorded index over them. */
export interface BuiltinGlossary {
  files: GlossaryFile[];
  index?: IndexRecording;
}

/**
 * Load the built-in glossary: the compiled `glossary.json` beside the bundle when present (fast),
 * else the YAML sources (development). Entry origins become absolute paths under `root`.
 */
export function loadBuiltinGlossary(bundleDir: string, root: string): BuiltinGlossary {
  const key = `${bundleDir}\0${root}`;
  const cached = loaded.get(key);
  if (cached) return cached;
  const files = readBuiltinGlossary(bundleDir, root);
  loaded.set(key, files);
  return files;
}

const loaded = new Map<string, BuiltinGlossary>();

function readBuiltinGlossary(bundleDir: string, root: string): BuiltinGlossary {
  const compiled = join(bundleDir, 'glossary.json');
  let files: GlossaryFile[];
  let index: IndexRecording | undefined;
  if (existsSync(compiled)) {
    ({ files, index } = JSON.parse(readFileSync(compiled, 'utf8')) as CompiledGlossary);
  } else {
    const dir = join(root, 'glossary');
    files = existsSync(dir)
      ? readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).sort().map((f) => parseGlossary(readFileSync(join(dir, f), 'utf8'), `glossary/${f}`))
      : [];
  }
  for (const file of files) {
    const absolute = join(root, file.file);
    for (const entry of file.entries) if (entry.origin) entry.origin.file = absolute;
    file.file = absolute;
  }
  return { files, index };
}

/** The folder holding `package.json` and `glossary/`, from the bundle's folder (`dist/`) or the sources. */
export function extensionRoot(bundleDir: string): string {
  for (const candidate of [join(bundleDir, '..'), join(bundleDir, '..', '..'), join(bundleDir, '..', '..', '..')]) {
    if (existsSync(join(candidate, 'glossary'))) return candidate;
  }
  return join(bundleDir, '..');
}
