import type { Entry, Span } from '../types';
import type { DocumentModel } from '../markdown/model';
import type { Evidence } from './types';

const WINDOW = 60;
const GLOSSARY_HEADING = /^(?:glossary|definitions|key terms|terms(?: used| to know)?|vocabulary|words to know|terms and definitions)\b/i;

/** Spans of sections headed Glossary, Definitions, Key terms (up to the next heading of the same or higher level). */
export function findGlossarySections(model: DocumentModel, textLength: number): Span[] {
  const sections: Span[] = [];
  model.headings.forEach((heading, i) => {
    if (!GLOSSARY_HEADING.test(heading.text)) return;
    let end = textLength;
    for (let k = i + 1; k < model.headings.length; k++) {
      if (model.headings[k].level <= heading.level) {
        end = model.headings[k].start;
        break;
      }
    }
    sections.push({ start: heading.start, end });
  });
  return sections;
}

/** Skip closing markup right after a term: `*`, `_`, `**`, and the rest of an enclosing link. */
function afterMarkup(text: string, end: number, link: { end: number } | undefined): number {
  let i = link && link.end > end ? link.end : end;
  while (i < text.length && (text[i] === '*' || text[i] === '_' || text[i] === '"' || text[i] === '”' || text[i] === '’')) i++;
  return i;
}

function beforeMarkup(text: string, start: number, linkStart: number | undefined): number {
  let i = linkStart ?? start;
  while (i > 0 && '*_["“‘'.includes(text[i - 1])) i--;
  return i;
}

const PARENTHETICAL = /^\s*\(([^()\n]{2,300})\)/;
const APPOSITIVE = /^\s*(?:,|\s[—–]|—|–)\s*(?:an?|which (?:is|are)|meaning|also called|or)\s+([^.;:!?]{3,200})/i;
const NAMING = /\b(?:called|known as|referred to as|termed|named|dubbed|is the name for)\s+(?:the\s+|an?\s+)?$/i;
const DEFINING_VERB = /^\s+(?:(?:is|are)\s+(?:an?|the|one|any|when|where|what|defined as|called)\b|(?:is|are)\s+(?:[\w-]+\s+){1,4}(?:that|which|who|where|made of|found in|used to)\b|(?:refers?|referring) to\b|means?\b|describes?\b)/i;
const SENTENCE_START = /(?:^|[.!?:]\s+|^\s*[-*+]\s+|\n\s*\n)(?:(?:an?|the)\s+)?$/i;

/** Text before `start` within the block, at most WINDOW characters. */
function before(text: string, block: Span, start: number): string {
  return text.slice(Math.max(block.start, start - WINDOW), start);
}

/**
 * Whether an occurrence of a term is explained right where it stands, and how.
 * `entry` is needed to tell an abbreviation in parentheses (`tumor microenvironment (TME)`) from an explanation.
 */
export function termEvidence(
  text: string, block: Span, occurrence: Span, entry: Entry, link: { start: number; end: number; destination: string; placeholder: boolean } | undefined,
  footnoteAt: ReadonlyMap<number, string>, abbrTitle: string | undefined,
): Evidence | undefined {
  if (link && !link.placeholder) {
    // Terms in a gloss right after the link are part of the explanation, not uses of their own.
    const gloss = explanationAt(text, block, afterMarkup(text, occurrence.end, link), entry, footnoteAt);
    return { kind: 'link', text: link.destination, end: gloss?.end };
  }
  if (abbrTitle) return { kind: 'abbr-tag', text: abbrTitle };
  // Look right after the term, and (for a term inside a link) after the link too.
  const after = afterMarkup(text, occurrence.end, link);
  const positions = link && link.end > occurrence.end ? [afterMarkup(text, occurrence.end, undefined), after] : [after];
  for (const at of positions) {
    const found = explanationAt(text, block, at, entry, footnoteAt);
    if (found) return found;
  }
  const start = beforeMarkup(text, occurrence.start, link?.start);
  const preceding = before(text, block, start);
  if (NAMING.test(preceding)) return { kind: 'naming' };
  if ((start === block.start || SENTENCE_START.test(preceding) || /^\s*$/.test(text.slice(block.start, start))) && DEFINING_VERB.test(text.slice(after, after + 40))) {
    return { kind: 'sentence' };
  }
  return undefined;
}

/** A footnote, parenthetical or appositive starting at `at`. */
function explanationAt(text: string, block: Span, at: number, entry: Entry, footnoteAt: ReadonlyMap<number, string>): Evidence | undefined {
  const footnote = footnoteAt.get(at);
  if (footnote !== undefined) return { kind: 'footnote', label: footnote };
  const following = text.slice(at, Math.min(block.end, at + 320));
  const paren = PARENTHETICAL.exec(following);
  if (paren) {
    const inside = paren[1].trim();
    const isAbbreviation = entry.abbreviations.includes(inside) || /^[A-Z0-9][A-Za-z0-9-]{0,9}$/.test(inside);
    if (!isAbbreviation && /\p{L}{2,}\s+\p{L}/u.test(inside) && !/^(?:see|fig|figure|table|ref)\b/i.test(inside)) {
      // Glosses in a row (`[osteosarcoma and NSCLC] (a bone cancer) (a lung cancer)`) are one explanation.
      const more = /^(?:\s*\([^()\n]{2,300}\))*/.exec(following.slice(paren[0].length))![0];
      return { kind: 'parenthetical', text: inside, end: at + paren[0].length + more.length };
    }
  }
  const appositive = APPOSITIVE.exec(following);
  if (appositive) return { kind: 'appositive', text: appositive[1].trim(), end: at + appositive[0].length };
  return undefined;
}

/**
 * Whether an abbreviation occurrence is expanded where it stands: `tumor microenvironment (TME)`
 * (`termBefore`: an occurrence of the same entry ends just before the parenthesis) or
 * `TME (tumor microenvironment)` (`termAfter`).
 */
export function abbreviationEvidence(text: string, occurrence: Span, termBefore: Span | undefined, termAfter: Span | undefined): Evidence | undefined {
  if (termBefore) {
    const between = text.slice(termBefore.end, occurrence.start);
    if (/^[*_]*\s*\(\s*$/.test(between) && /^\s*[),;:]/.test(text.slice(occurrence.end, occurrence.end + 3))) return { kind: 'expansion' };
  }
  if (termAfter) {
    const between = text.slice(occurrence.end, termAfter.start);
    if (/^\s*\(\s*$/.test(between)) return { kind: 'expansion' };
  }
  return undefined;
}

const CAPITALIZED = /^\p{Lu}/u;
/** A Title Case word (`Section`, `Medicine`), not an abbreviation (`TME`). */
const TITLE_WORD = /^\p{Lu}\p{Ll}/u;

/**
 * Whether an occurrence written in Title Case is part of a proper name rather than a use of the
 * term: `Tumor Microenvironment Section`, `Comparative Oncology Program`, `Nature Medicine`.
 */
export function isPartOfName(text: string, block: Span, occurrence: Span, term: string): boolean {
  const written = text.slice(occurrence.start, occurrence.end);
  const words = written.split(/[\s-]+/);
  if (!words.every((w) => CAPITALIZED.test(w)) || term.split(/[\s-]+/).every((w) => CAPITALIZED.test(w))) return false;
  const next = /^[ \t]+(\S+)/.exec(text.slice(occurrence.end, Math.min(block.end, occurrence.end + 40)));
  if (next && TITLE_WORD.test(next[1])) return true;
  const prev = /(\S+)[ \t]+$/.exec(text.slice(Math.max(block.start, occurrence.start - 40), occurrence.start));
  return !!prev && TITLE_WORD.test(prev[1]) && !/[.!?:]$/.test(prev[1]) && occurrence.start - prev[0].length > block.start;
}
