import { isDisabled } from '../analyze';
import type { Rule } from './index';

/** An abbreviation used before its expansion (or never expanded). */
export const undefinedAbbreviation: Rule = (cx) => {
  const { analysis } = cx;
  for (const use of analysis.uses.values()) {
    if (use.firstAbbreviation === undefined) continue;
    if (use.expansion !== undefined && use.expansion <= use.firstAbbreviation) continue;
    const entry = analysis.glossary.entries[use.entry];
    const occ = analysis.occurrences[use.firstAbbreviation];
    if (isDisabled(analysis, occ.start) || !cx.isJargonAbbreviation(entry) || cx.isIgnored(entry)) continue;
    if (use.definition === -1 && use.expansion !== undefined) continue;
    const written = analysis.text.slice(occ.start, occ.end).replace(/\s+/g, ' ');
    const later = use.expansion !== undefined ? ' (it is expanded only later)' : '';
    cx.report('undefined-abbreviation', occ.start, occ.end,
      `'${written}' is not spelled out before it is used${later}; write '${entry.term} (${written})' at its first use`, { entry: use.entry });
  }
};
