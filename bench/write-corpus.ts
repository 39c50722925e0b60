// Writes generated Markdown files: node --import tsx bench/write-corpus.ts DIR COUNT BYTES SEED
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateMarkdown } from './corpus';

const [dir, count, bytes, seed] = process.argv.slice(2);
mkdirSync(dir, { recursive: true });
for (let i = 0; i < Number(count); i++) writeFileSync(join(dir, `a${i}.md`), generateMarkdown(Number(bytes), Number(seed) + i));
