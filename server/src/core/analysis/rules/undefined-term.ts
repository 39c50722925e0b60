import { isDisabled } from '../analyze';
import type { Rule } from './index';

/** First use of a jargon term with no explanation anywhere in the document. */
export const undefinedTerm: Rule = (cx) => {
  const { analysis } = cx;
  for (const use of analysis.uses.values()) {
    if (use.firstUse === undefined || use.definition !== undefined) continue;
    const entry = analysis.glossary.entries[use.entry];
    const occ = analysis.occurrences[use.firstUse];
    if (isDisabled(analysis, occ.start) || !cx.isJargon(entry) || cx.isIgnored(entry)) continue;
    const written = analysis.text.slice(occ.start, occ.end).replace(/\s+/g, ' ');
    cx.report('undefined-term', occ.start, occ.end, `'${written}' is not explained for readers; add a definition or a link`, { entry: use.entry });
  }
};
