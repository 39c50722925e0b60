// Shared by the build and the glossary scripts: parse every glossary/*.yaml with the engine's own parser.
import { build } from 'esbuild';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';

let parserModule;
/** The engine's glossary parser, bundled on the fly so scripts use exactly the code the server runs. */
export async function loadParser() {
  if (parserModule) return parserModule;
  const outfile = join(tmpdir(), `oncoterm-glossary-parser-${process.pid}.cjs`);
  await build({ entryPoints: ['server/src/core/glossary/compile.ts'], bundle: true, platform: 'node', format: 'cjs', outfile, logLevel: 'error' });
  parserModule = createRequire(import.meta.url)(outfile);
  rmSync(outfile, { force: true });
  return parserModule;
}

export async function compileGlossary(dir) {
  const { parseGlossary } = await loadParser();
  const names = readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).sort();
  const files = names.map((name) => parseGlossary(readFileSync(join(dir, name), 'utf8'), `${dir}/${name}`));
  return { files, entries: files.reduce((n, f) => n + f.entries.length, 0) };
}
