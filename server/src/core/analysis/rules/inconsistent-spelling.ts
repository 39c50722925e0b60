import { isDisabled } from '../analyze';
import type { Rule } from './index';

/** One document writes both `tumor` and `tumour`: the less used spelling is reported where it first appears. */
export const inconsistentSpelling: Rule = (cx) => {
  const { analysis } = cx;
  for (const use of analysis.uses.values()) {
    if (!use.us || !use.uk) continue;
    const minority = use.uk <= use.us ? 2 : 1;
    const index = minority === 2 ? use.firstUk : use.firstUs;
    if (index === undefined) continue;
    const first = analysis.occurrences[index];
    const entry = analysis.glossary.entries[use.entry];
    if (isDisabled(analysis, first.start) || cx.isIgnored(entry)) continue;
    const written = analysis.text.slice(first.start, first.end).replace(/\s+/g, ' ');
    const style = minority === 2 ? 'US' : 'UK';
    cx.report('inconsistent-spelling', first.start, first.end,
      `'${written}' mixes spellings: this document mostly uses the ${style} spelling of '${entry.term}'`, { entry: use.entry });
  }
};
