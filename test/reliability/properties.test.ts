import { test } from 'node:test';
import fc from 'fast-check';
import { testGlossary } from '../core/helpers';
import { properties } from './properties';

/** A few hundred cases per property in `npm test`; `npm run fuzz -- --runs N` runs many more. */
const RUNS = Number(process.env.ONCOTERM_PROPERTY_RUNS ?? 200);

for (const [name, property] of Object.entries(properties(testGlossary()))) {
  test(name, () => {
    fc.assert(property, { numRuns: RUNS, seed: 42 });
  });
}
