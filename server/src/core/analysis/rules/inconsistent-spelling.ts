import type { Rule } from './index';

/** One document writes both `tumor` and `tumour`: the minority spelling is reported where it first appears. */
export const inconsistentSpelling: Rule = (cx) => {
  const { analysis } = cx;
  for (const use of analysis.uses.values()) {
    let us = 0;
    let uk = 0;
    for (const i of use.occurrences) {
      const s = analysis.occurrences[i].spelling;
      if (s === 1) us++;
      else if (s === 2) uk++;
    }
    if (!us || !uk) continue;
    const minority = uk <= us ? 2 : 1;
    const first = use.occurrences.map((i) => analysis.occurrences[i]).find((o) => o.spelling === minority && !o.disabled);
    if (!first) continue;
    const entry = analysis.glossary.entries[use.entry];
    if (cx.isIgnored(entry)) continue;
    const written = analysis.text.slice(first.start, first.end);
    const style = minority === 2 ? 'US' : 'UK';
    cx.report('inconsistent-spelling', first.start, first.end,
      `'${written}' mixes spellings: this document mostly uses the ${style} spelling of '${entry.term}'`, { entry: use.entry });
  }
};
