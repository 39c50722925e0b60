import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseGlossary, type GlossaryFile } from '../core/glossary/parse';

/** The compiled built-in glossary written by `scripts/build.mjs` next to the bundle. */
export interface CompiledGlossary {
  files: GlossaryFile[];
}

/**
 * Load the built-in glossary: the compiled `glossary.json` beside the bundle when present (fast),
 * else the YAML sources (development). Entry origins become absolute paths under `root`.
 */
export function loadBuiltinGlossary(bundleDir: string, root: string): GlossaryFile[] {
  const key = `${bundleDir}\0${root}`;
  const cached = loaded.get(key);
  if (cached) return cached;
  const files = readBuiltinGlossary(bundleDir, root);
  loaded.set(key, files);
  return files;
}

const loaded = new Map<string, GlossaryFile[]>();

function readBuiltinGlossary(bundleDir: string, root: string): GlossaryFile[] {
  const compiled = join(bundleDir, 'glossary.json');
  let files: GlossaryFile[];
  if (existsSync(compiled)) {
    files = (JSON.parse(readFileSync(compiled, 'utf8')) as CompiledGlossary).files;
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
  return files;
}

/** The folder holding `package.json` and `glossary/`, from the bundle's folder (`dist/`) or the sources. */
export function extensionRoot(bundleDir: string): string {
  for (const candidate of [join(bundleDir, '..'), join(bundleDir, '..', '..'), join(bundleDir, '..', '..', '..')]) {
    if (existsSync(join(candidate, 'glossary'))) return candidate;
  }
  return join(bundleDir, '..');
}
