#!/usr/bin/env node
// `npm run test:editor`: the extension-host suite (test/editor/suite) and the UI check
// (test/editor/ui) in whichever VS Code host this machine has.
//
//   node scripts/test-editor.mjs [--vsix [FILE]] [--suite-only | --ui-only] [--no-build] [--no-install]
//                                [--timeout SECONDS] [--keep-temp]
//
// Host: desktop VS Code through @vscode/test-electron when VSCODE_EXECUTABLE_PATH is set, else
// code-server (installed with scripts/editor-host-install.sh when missing, unless --no-install or
// ONCOTERM_EDITOR_HOST_INSTALL=0). The UI check needs code-server + chromium (Playwright).
// --vsix: `npm run package` (or FILE), install the .vsix into the host and test that instead of
// the development folder.
// When no host can be had it prints "SKIP: ..." with the reason and exits 0, or 3 when
// ONCOTERM_EDITOR_STRICT=1 (for CI that must run the editor tests).
// Exit code: 0 passed (or skipped), 1 failed, 2 host/usage error, 124 timeout.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const FIXTURE = path.join(ROOT, 'test/editor/workspace');
const SUITE_SRC = path.join(ROOT, 'test/editor/suite/index.ts');
const ARTIFACTS = path.join(ROOT, '.test-artifacts/editor');
const SKIPPED = 'skipped';

const say = (line) => process.stdout.write(`[test:editor] ${line}\n`);

function parseArgs(argv) {
  const o = { vsix: undefined, suite: true, ui: true, build: true, install: process.env.ONCOTERM_EDITOR_HOST_INSTALL !== '0', keepTemp: false, timeoutMs: undefined };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    switch (a) {
      case '--vsix':
        o.vsix = argv[i + 1] && !argv[i + 1].startsWith('--') ? path.resolve(argv[++i]) : true;
        break;
      case '--suite-only': o.ui = false; break;
      case '--ui-only': o.suite = false; break;
      case '--no-build': o.build = false; break;
      case '--no-install': o.install = false; break;
      case '--keep-temp': o.keepTemp = true; break;
      case '--timeout': o.timeoutMs = Number(argv[++i]) * 1000; break;
      case '-h': case '--help': o.help = true; break;
      default: throw new Error(`unknown argument ${a}`);
    }
  }
  return o;
}

function run(cmd, args, opts = {}) {
  say(`$ ${[cmd, ...args].join(' ')}`);
  const r = spawnSync(cmd, args, { cwd: ROOT, stdio: 'inherit', ...opts });
  return r.status ?? 1;
}

/** A fresh copy of the fixture workspace: tests edit documents, settings and glossaries. */
function copyWorkspace(label) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `oncoterm-editor-ws-${label}-`));
  fs.cpSync(FIXTURE, dir, { recursive: true });
  return dir;
}

/** A minimal development extension: VS Code runs test suites only in an extension development host. */
function stubExtension() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oncoterm-editor-stub-'));
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'oncoterm-editor-test-stub', publisher: 'oncoterm-test', version: '0.0.0', engines: { vscode: '*' } }));
  return dir;
}

const STAGED = ['package.json', 'README.md', 'CHANGELOG.md', 'LICENSE', 'glossary', 'syntaxes', 'images'];

/**
 * The development extension in a private temp folder: `scripts/build.mjs` run there (sources
 * through symlinks), so other people building dist/ in the repository at the same time cannot
 * swap files under a running test, and this run does not touch the repository's dist/.
 * With build = false, the repository's current dist/ is copied instead.
 */
function stageExtension(build) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oncoterm-editor-ext-'));
  for (const f of STAGED) if (fs.existsSync(path.join(ROOT, f))) fs.cpSync(path.join(ROOT, f), path.join(dir, f), { recursive: true });
  if (build) {
    const links = ['client', 'server', 'node_modules'];
    for (const l of links) fs.symlinkSync(path.join(ROOT, l), path.join(dir, l));
    const status = run(process.execPath, [path.join(ROOT, 'scripts/build.mjs')], { cwd: dir });
    for (const l of links) fs.unlinkSync(path.join(dir, l));
    if (status !== 0) {
      say('ERROR: the build failed');
      fs.rmSync(dir, { recursive: true, force: true });
      return undefined;
    }
  } else {
    fs.cpSync(path.join(ROOT, 'dist'), path.join(dir, 'dist'), { recursive: true });
  }
  // Debugging aid: ONCOTERM_EDITOR_SERVER_PRELOAD=/abs/file.cjs is required first by the staged server.
  const preload = process.env.ONCOTERM_EDITOR_SERVER_PRELOAD;
  if (preload) {
    const server = path.join(dir, 'dist', 'server.js');
    fs.writeFileSync(server, `require(${JSON.stringify(preload)});\n` + fs.readFileSync(server, 'utf8'));
  }
  return dir;
}

/** 'electron' | 'code-server' | { skip: reason } */
async function chooseHost(o) {
  if (process.env.VSCODE_EXECUTABLE_PATH) {
    if (!fs.existsSync(process.env.VSCODE_EXECUTABLE_PATH)) return { error: `VSCODE_EXECUTABLE_PATH=${process.env.VSCODE_EXECUTABLE_PATH} does not exist` };
    return { host: 'electron' };
  }
  const { loadHostEnv } = await import('../test/editor/host/code-server-host.mjs');
  try {
    return { host: 'code-server', env: loadHostEnv() };
  } catch (e) {
    if (!o.install) return { skip: `desktop VS Code: VSCODE_EXECUTABLE_PATH is not set; code-server: ${e.message} (installation disabled)` };
    say(`code-server is not installed (${e.message}); installing it with scripts/editor-host-install.sh`);
    const status = run('bash', ['scripts/editor-host-install.sh']);
    if (status !== 0) return { skip: `desktop VS Code: VSCODE_EXECUTABLE_PATH is not set; code-server: scripts/editor-host-install.sh failed with exit ${status} (see above)` };
    try {
      return { host: 'code-server', env: loadHostEnv() };
    } catch (e2) {
      return { skip: `code-server still unavailable after installing: ${e2.message}` };
    }
  }
}

async function main() {
  const t0 = Date.now();
  process.stdout.on('error', () => {});
  let o;
  try {
    o = parseArgs(process.argv.slice(2));
  } catch (e) {
    console.error(e.message);
    return 2;
  }
  if (o.help) {
    console.log(fs.readFileSync(fileURLToPath(import.meta.url), 'utf8').split('\n').slice(1, 17).map((l) => l.replace(/^\/\/ ?/, '')).join('\n'));
    return 0;
  }

  const chosen = await chooseHost(o);
  if (chosen.error) {
    say(`ERROR: ${chosen.error}`);
    return 2;
  }
  if (chosen.skip) {
    say(`SKIP: no VS Code host available: ${chosen.skip}`);
    say('SKIP: the editor tests did NOT run');
    return process.env.ONCOTERM_EDITOR_STRICT === '1' ? 3 : 0;
  }
  const hostName = chosen.host === 'electron'
    ? `desktop VS Code via @vscode/test-electron (${process.env.VSCODE_EXECUTABLE_PATH})`
    : `code-server ${chosen.env.codeServerVersion} + headless chromium (${chosen.env.chromium})`;
  say(`host: ${hostName}`);

  // Build the extension (or the .vsix) and the suite.
  let vsix;
  let devExtension;
  if (o.vsix) {
    if (o.vsix === true) {
      if (o.build && run('npm', ['run', '--silent', 'package']) !== 0) return 2;
      vsix = path.join(ROOT, 'oncoterm.vsix');
    } else vsix = o.vsix;
    if (!fs.existsSync(vsix)) {
      say(`ERROR: ${vsix} not found`);
      return 2;
    }
    say(`extension under test: installed from ${path.relative(process.cwd(), vsix) || vsix} (${(fs.statSync(vsix).size / 1024).toFixed(0)} KiB)`);
    // Our own copy: `npm run package` by someone else must not replace it during the run.
    const copy = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'oncoterm-editor-vsix-')), path.basename(vsix));
    fs.copyFileSync(vsix, copy);
    vsix = copy;
  } else {
    devExtension = stageExtension(o.build);
    if (!devExtension) return 2;
    say(`extension under test: development build of ${ROOT}, staged in ${devExtension}`);
  }
  const suiteDir = fs.mkdtempSync(path.join(os.tmpdir(), 'oncoterm-editor-suite-'));
  const SUITE_OUT = path.join(suiteDir, 'suite.js');
  await build({ entryPoints: [SUITE_SRC], outfile: SUITE_OUT, bundle: true, platform: 'node', format: 'cjs', target: 'node20', external: ['vscode'], sourcemap: 'inline', logLevel: 'warning' });

  // Screenshots of an earlier failure would be mistaken for this run's.
  for (const stale of ['failure.png', 'timeout.png', 'ui-failure.png']) fs.rmSync(path.join(ARTIFACTS, stale), { force: true });
  process.env.ONCOTERM_EDITOR_MODE = vsix ? 'vsix' : 'dev';
  process.env.ONCOTERM_EDITOR_REPO = ROOT;
  const temps = [devExtension, vsix && path.dirname(vsix), suiteDir].filter(Boolean);
  // Also on Ctrl+C (the editor host exits the process from its signal handler after cleaning up).
  const removeTemps = () => {
    if (!o.keepTemp) for (const t of temps.splice(0)) fs.rmSync(t, { recursive: true, force: true });
  };
  process.on('exit', removeTemps);
  const results = [];
  try {
    if (o.suite) {
      const workspace = copyWorkspace('suite');
      temps.push(workspace);
      const common = { tests: SUITE_OUT, workspace, installVsix: vsix ? [vsix] : [], timeoutMs: o.timeoutMs, keepTemp: o.keepTemp };
      const s0 = Date.now();
      let code;
      if (chosen.host === 'electron') {
        const { runElectronTests } = await import('../test/editor/host/run-electron.mjs');
        const extension = vsix ? stubExtension() : devExtension;
        if (vsix) temps.push(extension);
        code = await runElectronTests({ ...common, extension, strict: true });
      } else {
        const { runExtensionTests } = await import('../test/editor/host/code-server-host.mjs');
        code = await runExtensionTests({ ...common, extension: devExtension, screenshotDir: ARTIFACTS, log: (l) => process.stdout.write(l + '\n') });
      }
      results.push({ name: 'extension-host suite', code, secs: (Date.now() - s0) / 1000 });
    }
    if (o.ui) {
      let uiHost = chosen.host === 'code-server' ? chosen.env : undefined;
      if (!uiHost) {
        try {
          const { loadHostEnv } = await import('../test/editor/host/code-server-host.mjs');
          uiHost = loadHostEnv();
        } catch (e) {
          say(`SKIP: UI check: it needs code-server + chromium (${e.message})`);
          results.push({ name: 'UI check', code: SKIPPED, secs: 0 });
        }
      }
      if (uiHost) {
        const workspace = copyWorkspace('ui');
        temps.push(workspace);
        const { runUiCheck } = await import('../test/editor/ui/ui-check.mjs');
        const s0 = Date.now();
        const code = await runUiCheck({ extension: devExtension, installVsix: vsix ? [vsix] : [], workspace, screenshotDir: ARTIFACTS, keepTemp: o.keepTemp });
        results.push({ name: 'UI check', code, secs: (Date.now() - s0) / 1000 });
      }
    }
  } finally {
    removeTemps();
  }

  const failed = results.filter((r) => r.code !== 0 && r.code !== SKIPPED);
  say(`host: ${hostName}; extension: ${vsix ? `installed ${path.basename(vsix)}` : 'development build'}`);
  for (const r of results) say(`  ${r.code === 0 ? 'PASS' : r.code === SKIPPED ? 'SKIP' : `FAIL (exit ${r.code})`}  ${r.name}${r.secs ? ` (${r.secs.toFixed(1)}s)` : ''}`);
  say(`${failed.length ? 'FAILED' : 'PASSED'} in ${((Date.now() - t0) / 1000).toFixed(1)}s`);
  if (!failed.length) return 0;
  return failed.every((r) => r.code === 124) ? 124 : failed.some((r) => r.code === 2) && failed.length === 1 ? 2 : 1;
}

main().then((code) => process.exit(code), (e) => {
  console.error(`[test:editor] ERROR: ${e?.stack ?? e}`);
  process.exit(2);
});
