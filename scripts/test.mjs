// Runs the node:test suites (TypeScript through tsx). Usage: node scripts/test.mjs [folders...]
// Default folders: test/core test/glossary test/cli test/lsp test/reliability.
import { spawnSync } from 'node:child_process';
import { globSync } from 'tinyglobby';

const folders = process.argv.slice(2).length ? process.argv.slice(2) : ['test/core', 'test/glossary', 'test/cli', 'test/lsp', 'test/reliability'];
const files = folders.flatMap((f) => globSync(`${f}/**/*.test.ts`)).sort();
if (!files.length) {
  console.error('no test files found in ' + folders.join(', '));
  process.exit(1);
}
const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', '--test-concurrency=2', ...files], { stdio: 'inherit' });
process.exit(result.status ?? 1);
