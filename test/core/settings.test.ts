import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { readFileSync } from 'node:fs';
import { DEFAULT_SETTINGS, parseSettings } from '../../server/src/protocol/settings';

test('null and missing settings mean the defaults', () => {
  assert.deepEqual(parseSettings(null).settings, DEFAULT_SETTINGS);
  assert.deepEqual(parseSettings(undefined).settings, DEFAULT_SETTINGS);
  assert.deepEqual(parseSettings({}).problems, []);
});

test('malformed settings are reported and replaced by defaults, valid ones kept', () => {
  const { settings, problems } = parseSettings({ audience: 'aliens', glossaries: 'x.yaml', ignoredTerms: ['TME'], diagnostics: { 'undefined-term': { severity: 'loud' }, 'placeholder-link': { severity: 'off' }, nope: {} }, inlayHints: 3 });
  assert.equal(settings.audience, 'general');
  assert.deepEqual(settings.glossaries, []);
  assert.deepEqual(settings.ignoredTerms, ['TME']);
  assert.equal(settings.diagnostics['undefined-term'].severity, 'warning');
  assert.equal(settings.diagnostics['placeholder-link'].severity, 'off');
  assert.deepEqual(problems.map((p) => p.path), ['audience', 'glossaries', 'diagnostics.undefined-term.severity', 'diagnostics.nope']);
  assert.deepEqual(parseSettings('garbage').problems.map((p) => p.message), ['settings must be an object; using defaults']);
});

test("the manifest's contributes.configuration agrees with the typed settings", () => {
  const manifest = JSON.parse(readFileSync('package.json', 'utf8'));
  const properties = manifest.contributes.configuration.properties as Record<string, { default: unknown }>;
  const flat: Record<string, unknown> = {};
  const walk = (value: unknown, path: string) => {
    if (value && typeof value === 'object' && !Array.isArray(value)) for (const [k, v] of Object.entries(value)) walk(v, path ? `${path}.${k}` : k);
    else flat[`oncoterm.${path}`] = value;
  };
  walk(DEFAULT_SETTINGS, '');
  assert.deepEqual(Object.keys(properties).sort(), Object.keys(flat).sort());
  for (const [key, value] of Object.entries(flat)) assert.deepEqual(properties[key].default, value, key);
});
