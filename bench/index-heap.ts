// Child process of bench/run.ts: builds the index of a synthetic glossary and prints time and retained heap.
import { TermIndex } from '../server/src/core/glossary/terms-index';
import { generateGlossary } from './corpus';

const count = Number(process.argv[2]);
const entries = generateGlossary(count);
const gc = (globalThis as { gc?: () => void }).gc!;
gc();
const before = process.memoryUsage().heapUsed;
const t = performance.now();
const index = new TermIndex(entries);
const ms = performance.now() - t;
gc();
const heapMB = (process.memoryUsage().heapUsed - before) / 2 ** 20;
console.log(JSON.stringify({ ms, heapMB, size: index.size }));
