#!/usr/bin/env node
// Runs a VS Code extension test suite inside code-server + headless chromium.
//
//   node test/editor/host/run-code-server.mjs --extension ABS_EXT_DIR --tests ABS_SUITE_FILE \
//        --workspace ABS_DIR [--install-vsix FILE]... [--screenshot-dir DIR] [--timeout SECONDS] \
//        [--console exthost|all|none] [--keep-temp] [--headed]
//
// Exit code: the suite's (0 passed, non-zero failed), 124 timeout, 2 host error / bad usage.
// Needs: bash scripts/editor-host-install.sh (cache outside the repo).
// Importing this module does not run anything; it re-exports the library API.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { runExtensionTests } from './code-server-host.mjs';

export { runExtensionTests, withCodeServer, startCodeServer, loadHostEnv } from './code-server-host.mjs';

const USAGE = `usage: node test/editor/host/run-code-server.mjs --extension ABS_EXT_DIR --tests ABS_SUITE_FILE --workspace ABS_DIR
       [--install-vsix FILE]... [--screenshot-dir DIR] [--timeout SECONDS] [--console exthost|all|none] [--file PATH[:LINE[:COL]]] [--keep-temp] [--headed]`;

export function parseArgs(argv) {
  const o = { installVsix: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const val = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    switch (a) {
      case '--extension': o.extension = path.resolve(val()); break;
      case '--tests': o.tests = path.resolve(val()); break;
      case '--workspace': o.workspace = path.resolve(val()); break;
      case '--install-vsix': o.installVsix.push(path.resolve(val())); break;
      case '--screenshot-dir': o.screenshotDir = path.resolve(val()); break;
      case '--timeout': o.timeoutMs = Number(val()) * 1000; break;
      case '--console': o.console = val(); break;
      case '--file': o.file = val(); break;
      case '--keep-temp': o.keepTemp = true; break;
      case '--headed': o.headless = false; break;
      case '-h': case '--help': o.help = true; break;
      default: throw new Error(`unknown argument ${a}`);
    }
  }
  return o;
}

async function main() {
  // A closed stdout (e.g. `| head`) must not kill the runner before it cleans up.
  process.stdout.on('error', () => {});
  process.stderr.on('error', () => {});
  let o;
  try {
    o = parseArgs(process.argv.slice(2));
    if (o.help) { console.log(USAGE); return 0; }
    if (!o.tests || !o.workspace) throw new Error('--tests and --workspace are required');
    if (o.timeoutMs !== undefined && !(o.timeoutMs > 0)) throw new Error('--timeout must be a positive number of seconds');
  } catch (e) {
    console.error(`${e.message}\n${USAGE}`);
    return 2;
  }
  return runExtensionTests({ ...o, log: (l) => process.stdout.write(l + '\n') });
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().then((code) => process.exit(code));
}
