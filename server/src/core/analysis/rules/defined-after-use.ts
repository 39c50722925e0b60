import { isDisabled } from '../analyze';
import { lineOf, type Rule } from './index';

/** A term explained, but only after the reader has met it. */
export const definedAfterUse: Rule = (cx) => {
  const { analysis } = cx;
  for (const use of analysis.uses.values()) {
    if (use.firstUse === undefined || use.definition === undefined || use.definition < 0 || use.definition <= use.firstUse) continue;
    const entry = analysis.glossary.entries[use.entry];
    const first = analysis.occurrences[use.firstUse];
    const defined = analysis.occurrences[use.definition];
    if (isDisabled(analysis, first.start) || !cx.isJargon(entry) || cx.isIgnored(entry)) continue;
    const written = analysis.text.slice(first.start, first.end).replace(/\s+/g, ' ');
    cx.report('defined-after-use', first.start, first.end,
      `'${written}' is explained only later (line ${lineOf(analysis.text, defined.start) + 1}); explain it at its first use`,
      { entry: use.entry, related: [{ start: defined.start, end: defined.end, message: `'${analysis.text.slice(defined.start, defined.end).replace(/\s+/g, ' ')}' is explained here` }] });
  }
};
