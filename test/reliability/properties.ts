/**
 * The properties the engine must hold on any input, shared by the reliability suite (`npm test`,
 * few runs) and the long fuzz run (`npm run fuzz -- --runs N`).
 */
import fc from 'fast-check';
import { analyzeText } from '../../server/src/core/document';
import { IncrementalAnalyzer } from '../../server/src/core/incremental';
import { applyEdits, defineAll, fixesForFinding } from '../../server/src/core/fixes/fixes';
import { DEFAULT_OPTIONS } from '../../server/src/core/options';
import type { Glossary } from '../../server/src/core/glossary/glossary';
import type { Analysis } from '../../server/src/core/analysis/types';

const FRAGMENTS = [
  'osteosarcoma', 'Osteosarcoma', 'tumor microenvironment', 'tumour', 'TME', 'ALL', 'NSCLC', 'non-small cell lung cancer',
  'metastasis', 'metastases', 'pre-metastatic niche', 'carcinoma', 'leukaemia', ' (a bone cancer)', ', a cancer of ', ' called ',
  ' is a ', ' ', ' ', '\n', '\n\n', '\r\n', '\r', '\t', '# ', '## ', '- ', '1. ', '> ', '>> ', '    ', '* ', '**', '*', '_', '~~',
  '`', '```', '```md\n', '~~~', '[', ']', '(', ')', '](#)', '](https://x.org)', '[^1]', '[^1]: note', '[ref]: https://x.org',
  '<abbr title="x">', '</abbr>', '<div>', '</div>', '<!--', '-->', '<!-- oncoterm-ignore: TME -->', '<!-- oncoterm-disable -->',
  '<!-- oncoterm-enable -->', '$', '$$', '---', '+++', '|', '| a | b |\n|---|---|\n', '\\', '&amp;', 'https://example.org/x',
  '<https://x.org>', '\uFEFF', '\u0000', '😀', '🧬', '\uD83D', '\uDE00', 'مرحبا السرطان', 'שלום', '\u200F', '## Glossary\n\n',
  'é', 'e\u0301', '\u2028', 'x'.repeat(50),
];

/** Markdown-ish text: fragments that stress the parser (nesting, fences, HTML, CRLF, lone CR, BOM, NUL, astral, RTL). */
export const markdown = (maxLength = 60): fc.Arbitrary<string> =>
  fc.array(fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...FRAGMENTS) }, { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 8 }) }), { maxLength, size: 'max' }).map((parts) => parts.join(''));

/** Deeply nested or very repetitive Markdown. */
export const pathological: fc.Arbitrary<string> = fc.oneof(
  fc.integer({ min: 1, max: 400 }).map((n) => '> '.repeat(n) + 'osteosarcoma'),
  fc.integer({ min: 1, max: 300 }).map((n) => '['.repeat(n) + 'carcinoma' + ']'.repeat(n) + '(#)'),
  fc.integer({ min: 1, max: 200 }).map((n) => Array.from({ length: n }, (_, i) => ' '.repeat(i * 2) + '- metastasis').join('\n')),
  fc.integer({ min: 1, max: 300 }).map((n) => '*'.repeat(n) + 'TME' + '_'.repeat(n)),
  fc.integer({ min: 1, max: 100 }).map((n) => '```\n'.repeat(n) + 'osteosarcoma'),
  fc.integer({ min: 1000, max: 20000 }).map((n) => 'osteosarcoma '.repeat(n / 13)),
);

export const edit = (length: number) => fc.record({
  at: fc.nat({ max: Math.max(0, length) }),
  remove: fc.nat({ max: 8 }),
  insert: fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ maxLength: 4 })),
});

/** Every range is inside the text, ordered, and does not split a surrogate pair. */
export function checkRanges(a: Analysis): void {
  const { text } = a;
  const splits = (offset: number) => offset > 0 && offset < text.length && isHigh(text.charCodeAt(offset - 1)) && isLow(text.charCodeAt(offset));
  let last = -1;
  for (const o of a.occurrences) {
    if (!(o.start >= 0 && o.start < o.end && o.end <= text.length)) throw new Error(`occurrence out of range: ${o.start}-${o.end} of ${text.length}`);
    if (o.start < last) throw new Error('occurrences out of order');
    if (splits(o.start) || splits(o.end)) throw new Error('occurrence splits a surrogate pair');
    last = o.end;
  }
  for (const f of a.findings) {
    if (!(f.start >= 0 && f.start <= f.end && f.end <= text.length)) throw new Error(`finding out of range: ${f.start}-${f.end}`);
    if (splits(f.start) || splits(f.end)) throw new Error('finding splits a surrogate pair');
  }
}
const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/** Properties by name, each a fast-check property over a glossary. */
export function properties(glossary: Glossary) {
  return {
    'analysis never throws and every range is valid': fc.property(fc.oneof(markdown(), pathological), (text) => {
      checkRanges(analyzeText(text, glossary, DEFAULT_OPTIONS));
    }),
    'after any sequence of edits the incremental result equals a from-scratch analysis': fc.property(
      markdown(40), fc.array(fc.tuple(fc.nat(), fc.nat({ max: 8 }), fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ maxLength: 4 }))), { maxLength: 12 }),
      (initial, edits) => {
        const analyzer = new IncrementalAnalyzer(glossary);
        let text = initial;
        analyzer.update(text, undefined, DEFAULT_OPTIONS);
        for (const [at, remove, insert] of edits) {
          const start = at % (text.length + 1);
          const end = Math.min(text.length, start + remove);
          text = text.slice(0, start) + insert + text.slice(end);
          const incremental = analyzer.update(text, [[{ start, end, text: insert }]], DEFAULT_OPTIONS);
          const scratch = analyzeText(text, glossary, DEFAULT_OPTIONS);
          const a = JSON.stringify(summary(incremental));
          const b = JSON.stringify(summary(scratch));
          if (a !== b) throw new Error(`incremental differs from scratch after editing to ${JSON.stringify(text)}\n${a}\n${b}`);
        }
      }),
    'every quick fix edits only inside the document, keeps it analysable, and resolves its finding': fc.property(markdown(), (text) => {
      const a = analyzeText(text, glossary, DEFAULT_OPTIONS);
      for (const finding of a.findings) {
        for (const fix of fixesForFinding(a, finding)) {
          for (const e of fix.edits) if (!(e.start >= 0 && e.start <= e.end && e.end <= text.length)) throw new Error(`edit out of range: ${JSON.stringify(e)}`);
          const sorted = [...fix.edits].sort((x, y) => x.start - y.start);
          for (let i = 1; i < sorted.length; i++) if (sorted[i].start < sorted[i - 1].end) throw new Error('overlapping edits in one fix');
          const after = applyEdits(text, fix.edits);
          const again = analyzeText(after, glossary, DEFAULT_OPTIONS);
          checkRanges(again);
          if (fix.preferred && finding.code !== 'placeholder-link' && finding.code !== 'inconsistent-spelling') {
            const entry = finding.entry;
            const still = again.findings.some((f) => f.code === finding.code && f.entry === entry);
            if (still) throw new Error(`"${fix.title}" did not resolve ${finding.code} in ${JSON.stringify(text)} -> ${JSON.stringify(after)}`);
          }
        }
      }
    }),
    'define all applied twice changes nothing the second time': fc.property(markdown(), (text) => {
      const once = applyEdits(text, defineAll(analyzeText(text, glossary, DEFAULT_OPTIONS)));
      const second = defineAll(analyzeText(once, glossary, DEFAULT_OPTIONS));
      if (second.length) throw new Error(`define all is not idempotent on ${JSON.stringify(text)}: ${JSON.stringify(second)}`);
    }),
  };
}

function summary(a: Analysis): unknown {
  return {
    o: a.occurrences.map((o) => [o.start, o.end, o.entry, o.kind, o.evidence?.kind ?? null]),
    f: a.findings.map((f) => [f.code, f.start, f.end, f.message]),
  };
}
