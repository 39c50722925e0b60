import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import type { Analysis } from '../../server/src/core/analysis/types';
import { LineMap } from '../../server/src/core/text/lines';
import { analyze, FIXTURES } from './helpers';

/**
 * Findings drawn as carets under the source line, compared with test/core/snapshots/*.snap.
 * After an intended change: `npm run test:update-snapshots`, then review the diff.
 */
export function renderFindings(a: Analysis): string {
  const lines = a.text.split(/\r?\n/);
  const map = new LineMap(a.text);
  const under = new Map<number, string[]>();
  for (const f of a.findings) {
    const start = map.position(f.start);
    const end = map.position(f.end);
    const width = Math.max(1, (start.line === end.line ? end.character : lines[start.line].length) - start.character);
    const marks = under.get(start.line) ?? [];
    marks.push(`${' '.repeat(start.character)}${'^'.repeat(width)} ${f.code}: ${f.message}`);
    under.set(start.line, marks);
  }
  return lines.flatMap((line, i) => [line, ...(under.get(i) ?? [])]).join('\n');
}

const SNAPSHOTS = join(__dirname, 'snapshots');
const update = process.env.UPDATE_SNAPSHOTS === '1';

for (const name of readdirSync(join(FIXTURES, 'documents')).filter((f) => f.endsWith('.md'))) {
  test(`findings in fixtures/documents/${name} match the snapshot`, () => {
    const rendered = renderFindings(analyze(readFileSync(join(FIXTURES, 'documents', name), 'utf8')));
    const file = join(SNAPSHOTS, name.replace(/\.md$/, '.snap'));
    if (update || !existsSync(file)) writeFileSync(file, rendered);
    assert.equal(rendered, readFileSync(file, 'utf8'), `findings changed; if intended, run npm run test:update-snapshots and review the diff`);
  });
}
