#!/usr/bin/env node
// UI check: drives the real VS Code workbench (code-server + headless chromium, through
// withCodeServer) like a user: hovers "osteosarcoma" and reads the hover widget, opens the
// quick-fix menu with Ctrl+. on a flagged term and applies a fix, saves screenshots.
//
//   node test/editor/ui/ui-check.mjs [--extension DIR | --install-vsix FILE] [--workspace DIR] [--screenshot-dir DIR]
//
// Defaults: the repository as the development extension, a temporary copy of
// test/editor/workspace, screenshots in .test-artifacts/editor/ (hover.png, quick-fix.png, after-fix.png).
// Normally run by `npm run test:editor` (scripts/test-editor.mjs). Exit code 0 passed, 1 failed, 2 host error.
import { strict as assert } from 'node:assert';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { withCodeServer } from '../host/run-code-server.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** Text of the active editor as rendered (visible lines, top to bottom). */
async function editorText(page) {
  return page.evaluate(() => {
    const root = document.querySelector('.editor-instance .monaco-editor .view-lines');
    if (!root) return '';
    return [...root.querySelectorAll('.view-line')]
      .sort((a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top)
      .map((l) => l.textContent.replace(/\u00a0/g, ' '))
      .join('\n');
  });
}

async function until(what, probe, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  let last;
  for (;;) {
    last = await probe();
    if (last) return last;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what} (last: ${JSON.stringify(last)})`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Runs the UI check; resolves to an exit code and prints one line per step. */
export async function runUiCheck({ extension, installVsix = [], workspace, screenshotDir, keepTemp = false, log = (l) => process.stdout.write(l + '\n') }) {
  const t0 = Date.now();
  const steps = [];
  const step = (name) => {
    steps.push(name);
    log(`  ok   ${name} (${((Date.now() - t0) / 1000).toFixed(1)}s)`);
  };
  try {
    log('Oncoterm UI check (code-server workbench, Playwright)');
    await withCodeServer({ extension, installVsix, workspace, file: 'ui.md', screenshotDir, keepTemp, log }, async (ctx) => {
      try {
        await check(ctx, step, log);
      } catch (e) {
        const shot = await ctx.screenshot('ui-failure').catch(() => undefined);
        if (shot) log(`  screenshot of the failure: ${shot}`);
        throw e;
      }
    });
    log(`Oncoterm UI check: ${steps.length} passed, 0 failed (${((Date.now() - t0) / 1000).toFixed(1)}s)`);
    return 0;
  } catch (e) {
    log(`  FAIL ${e?.stack ?? e}`);
    const hostError = /editor host|code-server did not|not installed/.test(String(e?.message));
    log(`Oncoterm UI check: ${steps.length} passed, 1 failed (${((Date.now() - t0) / 1000).toFixed(1)}s)`);
    return hostError ? 2 : 1;
  }
}

/** The steps, in one workbench; each passing step is reported through `step`. */
async function check(ctx, step, log) {
  const { page } = ctx;
  // The server is up once the flagged terms are squiggled.
  await page.locator('.editor-instance .monaco-editor .squiggly-warning').first().waitFor({ state: 'attached', timeout: 60_000 })
    .catch(() => { throw new Error('no warning squiggles in ui.md within 60 s: the language server did not report diagnostics'); });
  step('ui.md opened; diagnostics shown as squiggles');

  // The widget shows at once with "Loading..." for slow providers: read it until the definition is in.
  const hoverWidget = page.locator('.monaco-hover:not(.hidden) .monaco-hover-content, .monaco-hover:not(.hidden) .hover-contents').first();
  let hover = '';
  await until('the hover over "osteosarcoma" to show its definition', async () => {
    hover = (await hoverWidget.isVisible().catch(() => false)) ? (await hoverWidget.innerText()).trim() : await ctx.hoverText('osteosarcoma', { timeoutMs: 30_000 });
    return /cancer that begins in bone/.test(hover);
  }, 30_000).catch(() => undefined);
  assert.match(hover, /cancer that begins in bone/, `the hover widget should show the definition of osteosarcoma; it shows:\n${hover}`);
  assert.match(hover, /NCI|cancer\.gov|Source/i, `the hover widget should show the source link; it shows:\n${hover}`);
  const shot = await ctx.screenshot('hover');
  step(`hover widget over "osteosarcoma" shows the definition; screenshot ${path.relative(process.cwd(), shot)}`);
  log(`       hover text: ${JSON.stringify(hover.slice(0, 200))}${hover.length > 200 ? '...' : ''}`);
  await ctx.pressKey('Escape');
  await page.mouse.move(5, 5);

  const before = await editorText(page);
  assert.match(before, /Some of them also have a carcinoma\./, `unexpected editor text before the fix:\n${before}`);
  await ctx.clickText('carcinoma');
  // Ctrl+. asks the providers again; retry until Oncoterm's fixes are in the menu.
  const titles = await until('Oncoterm quick fixes in the Ctrl+. menu', async () => {
    await ctx.pressKey('Control+.');
    const t = await ctx.codeActionTitles({ timeoutMs: 5000 });
    if (t.some((x) => x.startsWith("Explain 'carcinoma' in place"))) return t;
    await ctx.pressKey('Escape');
    return false;
  });
  assert.ok(titles.some((t) => t.startsWith("Link 'carcinoma'")), `quick-fix menu: ${JSON.stringify(titles)}`);
  await ctx.screenshot('quick-fix');
  step(`Ctrl+. on "carcinoma" opens the quick-fix menu: ${JSON.stringify(titles)}`);

  await page.locator('.action-widget .monaco-list-row', { hasText: "Explain 'carcinoma' in place" }).first().click();
  const after = await until('the document text to change', async () => {
    const t = await editorText(page);
    return t !== before && t;
  }, 10_000);
  assert.match(after, /Some of them also have a carcinoma \(.+\)\./, `unexpected editor text after the fix:\n${after}`);
  await page.locator('.monaco-workbench .tabs-container .tab.active.dirty').waitFor({ timeout: 5000 })
    .catch(() => { throw new Error('the editor tab is not marked dirty after the fix'); });
  await ctx.screenshot('after-fix');
  step(`choosing "Explain 'carcinoma' in place" edits the document: ${JSON.stringify(after.split('\n').find((l) => l.includes('carcinoma')))}`);
}

async function main() {
  const argv = process.argv.slice(2);
  const opts = { extension: ROOT, installVsix: [], screenshotDir: path.join(ROOT, '.test-artifacts/editor') };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--extension') opts.extension = path.resolve(argv[++i]);
    else if (a === '--install-vsix') { opts.installVsix.push(path.resolve(argv[++i])); opts.extension = undefined; }
    else if (a === '--workspace') opts.workspace = path.resolve(argv[++i]);
    else if (a === '--screenshot-dir') opts.screenshotDir = path.resolve(argv[++i]);
    else if (a === '--keep-temp') opts.keepTemp = true;
    else { console.error(`unknown argument ${a}`); return 2; }
  }
  let temp;
  if (!opts.workspace) {
    temp = fs.mkdtempSync(path.join(os.tmpdir(), 'oncoterm-editor-ws-ui-'));
    fs.cpSync(path.join(ROOT, 'test/editor/workspace'), temp, { recursive: true });
    opts.workspace = temp;
  }
  try {
    return await runUiCheck(opts);
  } finally {
    if (temp) fs.rmSync(temp, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().then((code) => process.exit(code));
}
