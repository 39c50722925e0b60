/**
 * Derived forms of glossary terms: plurals (regular, Latin and Greek), US/UK spellings and
 * joined hyphen forms. Applied to glossary terms when the index is built, never to document
 * text, so matching cost does not depend on how many variants exist.
 */

/** Plural forms of one lower-case word (the word itself is not included). */
export function pluralsOf(word: string): string[] {
  if (word.length < 3 || !/[a-z]$/.test(word)) return [];
  const out: string[] = [];
  if (word.endsWith('sis') || word.endsWith('xis')) out.push(word.slice(0, -2) + 'es');
  else if (word.endsWith('oma')) out.push(word + 's', word + 'ta');
  else if (word.endsWith('us')) out.push(word.slice(0, -2) + 'i', word + 'es');
  else if (word.endsWith('um') && word.length > 4) out.push(word.slice(0, -2) + 'a', word + 's');
  else if (word.endsWith('ix') || word.endsWith('ex')) out.push(word.slice(0, -2) + 'ices', word + 'es');
  else if (word.endsWith('a') && word.length > 4) out.push(word + 'e', word + 's');
  else if (/[^aeiou]y$/.test(word)) out.push(word.slice(0, -1) + 'ies');
  else if (/(s|x|z|ch|sh)$/.test(word)) out.push(word + 'es');
  else if (word.endsWith('on') && /(ganglion|criterion|phenomenon|mitochondrion)$/.test(word)) out.push(word.slice(0, -2) + 'a', word + 's');
  else out.push(word + 's');
  return out;
}

/** [US pattern, UK replacement, UK pattern, US replacement] */
const SPELLING_RULES: [RegExp, string, RegExp, string][] = [
  [/(tum|col|behavi|fav|hum|od|lab|vap|hon|neighb|rig)or/, '$1our', /(tum|col|behavi|fav|hum|od|lab|vap|hon|neighb|rig)our/, '$1or'],
  [/emia/, 'aemia', /aemia/, 'emia'],
  [/^hem(?=[aoi])/, 'haem', /^haem(?=[aoi])/, 'hem'],
  [/(^|[^o])edema/, '$1oedema', /oedema/, 'edema'],
  [/^esophag/, 'oesophag', /^oesophag/, 'esophag'],
  [/^estr(?=[aiou])/, 'oestr', /^oestr/, 'estr'],
  [/diarrhea/, 'diarrhoea', /diarrhoea/, 'diarrhea'],
  [/pnea/, 'pnoea', /pnoea/, 'pnea'],
  [/^ped(?=iatr)/, 'paed', /^paed(?=iatr)/, 'ped'],
  [/orthoped/, 'orthopaed', /orthopaed/, 'orthoped'],
  [/gynec/, 'gynaec', /gynaec/, 'gynec'],
  [/anesth/, 'anaesth', /anaesth/, 'anesth'],
  [/^fet(?=us|al)/, 'foet', /^foet(?=us|al)/, 'fet'],
  [/celiac/, 'coeliac', /coeliac/, 'celiac'],
  [/^cec(?=um|al)/, 'caec', /^caec(?=um|al)/, 'cec'],
  [/iz(e|ed|es|ing|ation|ations)$/, 'is$1', /is(e|ed|es|ing|ation|ations)$/, 'iz$1'],
  [/yz(e|ed|es|ing)$/, 'ys$1', /ys(e|ed|es|ing)$/, 'yz$1'],
  [/(cent|fib|lit|met)er(s?)$/, '$1re$2', /(cent|fib|lit|met)re(s?)$/, '$1er$2'],
  [/^gray/, 'grey', /^grey/, 'gray'],
  [/^(counsel|label|model|travel|cancel)(ing|ed|er|ers)$/, '$1l$2', /^(counsel|label|model|travel|cancel)l(ing|ed|er|ers)$/, '$1$2'],
  [/^program(s?)$/, 'programme$1', /^programme(s?)$/, 'program$1'],
  [/sulf/, 'sulph', /sulph/, 'sulf'],
  [/^aluminum$/, 'aluminium', /^aluminium$/, 'aluminum'],
];

/** Spelling of a derived form: 0 neither/both, 1 the US form, 2 the UK form. */
export type Spelling = 0 | 1 | 2;

/** Other-spelling forms of one lower-case word with the spelling of each: `tumor` -> [['tumour', 2]]. */
export function spellingsOf(word: string): [string, Spelling][] {
  const out: [string, Spelling][] = [];
  for (const [us, toUk, uk, toUs] of SPELLING_RULES) {
    if (uk.test(word)) {
      const other = word.replace(uk, toUs);
      if (other !== word) out.push([other, 1]);
    } else if (us.test(word)) {
      const other = word.replace(us, toUk);
      if (other !== word) out.push([other, 2]);
    }
  }
  return out;
}

/** Whether `word` is written in a recognisably US (1) or UK (2) way. */
export function spellingOf(word: string): Spelling {
  for (const [us, , uk] of SPELLING_RULES) {
    if (uk.test(word)) return 2;
    if (us.test(word)) return 1;
  }
  return 0;
}
