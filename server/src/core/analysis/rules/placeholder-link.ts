import { occurrencesIn } from '../../present';
import { isDisabled } from '../analyze';
import type { Rule } from './index';

/** `[osteosarcoma](#)`: a link that goes nowhere. */
export const placeholderLink: Rule = (cx) => {
  const { analysis } = cx;
  for (const link of analysis.model.links) {
    if (!link.placeholder || isDisabled(analysis, link.start)) continue;
    const label = analysis.text.slice(link.text.start, link.text.end);
    const shown = label.replace(/\s+/g, ' ').trim();
    const trimmed = { start: link.text.start + (label.length - label.trimStart().length), end: link.text.end - (label.length - label.trimEnd().length) };
    // Suggest a source only when the link's whole text is the term: `[osteosarcoma](#)`, not `[a study of osteosarcoma](#)`.
    const occ = occurrencesIn(analysis, link.text).find((o) => o.start <= trimmed.start && o.end >= trimmed.end - 1);
    const hint = occ ? `; link it to a source for '${analysis.text.slice(occ.start, occ.end).replace(/\s+/g, ' ')}'` : '; give it a real destination';
    cx.report('placeholder-link', link.start, link.end, `The link '${shown}' has no destination${hint}`, { entry: occ?.entry });
  }
};
