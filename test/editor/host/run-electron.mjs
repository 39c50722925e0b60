#!/usr/bin/env node
// Runs the same extension test suite in desktop VS Code (Electron) through
// @vscode/test-electron's runTests — only when VSCODE_EXECUTABLE_PATH points at a VS Code
// binary already on the machine (desktop VS Code cannot be downloaded here; this never
// downloads anything).
//
//   VSCODE_EXECUTABLE_PATH=/path/to/code node test/editor/host/run-electron.mjs \
//        --extension ABS_EXT_DIR --tests ABS_SUITE_FILE --workspace ABS_DIR \
//        [--install-vsix FILE]... [--timeout SECONDS] [--strict] [--keep-temp]
//
// Exit code: the suite's (0 passed), 124 timeout, 2 usage/host error.
// Without VSCODE_EXECUTABLE_PATH it prints "SKIPPED: ... unavailable" and exits 0
// (or 3 with --strict / ONCOTERM_EDITOR_ELECTRON_STRICT=1).
// Without $DISPLAY it starts its own Xvfb when `Xvfb` is installed (apt package xvfb).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DEFAULT_USER_SETTINGS } from './code-server-host.mjs';
import { parseArgs } from './run-code-server.mjs';

export const UNAVAILABLE = 3;

/**
 * Runs a suite in desktop VS Code. Resolves to the exit code (see header).
 * opts: { extension, tests, workspace, installVsix?: string[], timeoutMs?, settings?,
 *         vscodeExecutablePath? (default $VSCODE_EXECUTABLE_PATH), strict?, keepTemp?, log? }
 */
export async function runElectronTests(opts) {
  const log = opts.log ?? ((l) => process.stdout.write(l + '\n'));
  const exe = opts.vscodeExecutablePath ?? process.env.VSCODE_EXECUTABLE_PATH;
  const strict = opts.strict ?? process.env.ONCOTERM_EDITOR_ELECTRON_STRICT === '1';
  if (!exe) {
    log('[editor-host] SKIPPED: desktop VS Code is unavailable (VSCODE_EXECUTABLE_PATH is not set); ' +
        'use test/editor/host/run-code-server.mjs instead');
    return strict ? UNAVAILABLE : 0;
  }
  if (!fs.existsSync(exe)) {
    log(`[editor-host] VSCODE_EXECUTABLE_PATH=${exe} does not exist`);
    return strict ? UNAVAILABLE : 2;
  }
  const { runTests } = await import('@vscode/test-electron');

  const tmpDir = await fsp.mkdtemp(path.join(os.tmpdir(), 'oncoterm-electron-'));
  const userData = path.join(tmpDir, 'user-data');
  const extensionsDir = path.join(tmpDir, 'extensions');
  await fsp.mkdir(path.join(userData, 'User'), { recursive: true });
  await fsp.mkdir(extensionsDir, { recursive: true });
  await fsp.writeFile(path.join(userData, 'User', 'settings.json'),
    JSON.stringify({ ...DEFAULT_USER_SETTINGS, ...(opts.settings ?? {}) }, null, 2));

  let xvfb;
  const env = { ...process.env };
  try {
    if (!env.DISPLAY && process.platform === 'linux') {
      const which = spawnSync('sh', ['-c', 'command -v Xvfb'], { encoding: 'utf8' });
      if (which.status === 0) {
        const display = `:${100 + (process.pid % 400)}`;
        xvfb = spawn(which.stdout.trim(), [display, '-screen', '0', '1400x900x24', '-nolisten', 'tcp'], { stdio: 'ignore' });
        env.DISPLAY = display;
        await new Promise((r) => setTimeout(r, 500));
        log(`[editor-host] started Xvfb on ${display}`);
      } else {
        log('[editor-host] warning: no $DISPLAY and no Xvfb (apt-get install xvfb); VS Code may fail to start');
      }
    }
    const cliArgs = ['--user-data-dir', userData, '--extensions-dir', extensionsDir];
    for (const vsix of opts.installVsix ?? []) {
      const cli = resolveCli(exe);
      const r = spawnSync(cli.cmd, [...cli.args, ...cliArgs, '--install-extension', vsix, '--force'], { env, encoding: 'utf8', timeout: 120_000 });
      if (r.status !== 0) throw new Error(`installing ${vsix} failed: ${r.stdout}${r.stderr}`);
      log(`[editor-host] installed ${vsix}`);
    }
    const t0 = Date.now();
    const run = runTests({
      vscodeExecutablePath: exe,
      extensionDevelopmentPath: opts.extension,
      extensionTestsPath: opts.tests,
      extensionTestsEnv: env,
      launchArgs: [opts.workspace, ...cliArgs, '--disable-workspace-trust', '--skip-welcome',
        '--skip-release-notes', '--disable-telemetry', '--disable-updates', '--no-sandbox', '--disable-gpu'],
    }).then((code) => code, (e) => (typeof e?.code === 'number' ? e.code : (log(`[editor-host] ${e?.stack ?? e}`), 1)));
    const timeoutMs = opts.timeoutMs ?? 300_000;
    let timer;
    const code = await Promise.race([run, new Promise((r) => (timer = setTimeout(() => r(null), timeoutMs)))]);
    clearTimeout(timer);
    if (code === null) {
      log(`[editor-host] TIMEOUT: the suite did not finish within ${timeoutMs / 1000}s`);
      return 124;
    }
    log(`[editor-host] suite exited with code ${code} after ${((Date.now() - t0) / 1000).toFixed(1)}s`);
    return code;
  } catch (e) {
    log(`[editor-host] ERROR: ${e?.stack ?? e}`);
    return 2;
  } finally {
    if (xvfb) xvfb.kill('SIGTERM');
    if (!opts.keepTemp) await fsp.rm(tmpDir, { recursive: true, force: true }).catch(() => {});
  }
}

// VS Code's CLI sits next to the Electron binary (bin/code on Linux).
function resolveCli(exe) {
  const cand = path.join(path.dirname(exe), 'bin', 'code');
  if (fs.existsSync(cand)) return { cmd: cand, args: [] };
  return { cmd: exe, args: [] };
}

async function main() {
  process.stdout.on('error', () => {});
  process.stderr.on('error', () => {});
  let o;
  const argv = process.argv.slice(2);
  const strict = argv.includes('--strict');
  try {
    o = parseArgs(argv.filter((a) => a !== '--strict'));
    if (o.help) {
      console.log('usage: VSCODE_EXECUTABLE_PATH=... node test/editor/host/run-electron.mjs --extension DIR --tests FILE --workspace DIR [--install-vsix FILE]... [--timeout S] [--strict] [--keep-temp]');
      return 0;
    }
    if (!o.tests || !o.workspace) throw new Error('--tests and --workspace are required');
  } catch (e) {
    console.error(e.message);
    return 2;
  }
  return runElectronTests({ ...o, strict: strict || undefined });
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().then((code) => process.exit(code));
}
