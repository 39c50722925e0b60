/**
 * Seeded generators for benchmarks: realistic Markdown about cancer biology (our own sentence bank,
 * with headings, lists, tables, links, code fences and footnotes) and synthetic glossaries.
 */
import type { Entry } from '../server/src/core/types';

export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SENTENCES = [
  'Most people who die of cancer die because the disease spread from the primary tumor to other organs.',
  'Researchers think the tumor microenvironment can shield cancer cells from the immune system.',
  'Large dogs sometimes develop osteosarcoma, which makes them a useful model for children with the same disease.',
  'Before surgery, many patients receive neoadjuvant therapy to shrink the tumor.',
  'After surgery, adjuvant therapy aims to destroy cells that may already have escaped.',
  'A biomarker can tell doctors whether a targeted therapy is likely to work.',
  'Signals from the primary tumor may prepare a pre-metastatic niche in the lung or the liver.',
  'Perivascular cells sit between the walls of small blood vessels and the tissue around them.',
  'Cancer cells show remarkable plasticity, switching their behavior when conditions change.',
  'In a randomized clinical trial, patients are assigned to treatments by chance.',
  'The pathologist graded the carcinoma after looking at the biopsy under a microscope.',
  'Chemotherapy can lower blood counts, which raises the risk of infection.',
  'A CT scan and an MRI showed no sign of metastasis in the bones.',
  'Precision medicine matches treatment to the genetic changes found in each tumor.',
  'The TME includes blood vessels, immune cells and the signals passing between them.',
  'Some leukemias grow slowly, while others need treatment within days of diagnosis.',
  'Radiation therapy uses high-energy beams to damage the DNA of cancer cells.',
  'Patients with localized cancer often do well with surgery alone.',
  'Epigenetic changes alter how genes are read without changing the genes themselves.',
  'Immunotherapy helps the body recognize and attack cancer cells.',
  'The oncologist explained the stage of the disease and the options for treatment.',
  'Lymph nodes near the tumor were removed and checked for cancer cells.',
  'Hormone therapy blocks the signals that some breast cancers need to grow.',
  'Many survivors live with late effects of treatment for years.',
  'A mouse model lets researchers test a drug before it is given to people.',
  'Writers should explain each term the first time a reader meets it.',
];

const HEADINGS = ['Background', 'What the study found', 'How doctors treat it', 'Questions for your care team', 'Looking ahead', 'Methods', 'Results'];

/** About `bytes` of Markdown, the same for the same seed. */
export function generateMarkdown(bytes: number, seed = 1): string {
  const r = rng(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(r() * list.length)];
  const parts: string[] = ['---', 'title: Benchmark article', '---', '', '# A benchmark article about cancer', ''];
  let size = parts.join('\n').length;
  let footnote = 0;
  while (size < bytes) {
    const kind = r();
    let block: string;
    if (kind < 0.08) block = `## ${pick(HEADINGS)}`;
    else if (kind < 0.18) block = Array.from({ length: 3 + Math.floor(r() * 3) }, () => `- ${pick(SENTENCES)}`).join('\n');
    else if (kind < 0.22) block = ['| Term | Meaning |', '| --- | --- |', ...Array.from({ length: 3 }, () => `| ${pick(SENTENCES).split(' ').slice(0, 3).join(' ')} | ${pick(SENTENCES)} |`)].join('\n');
    else if (kind < 0.25) block = ['```text', pick(SENTENCES), pick(SENTENCES), '```'].join('\n');
    else if (kind < 0.28) block = `> ${pick(SENTENCES)}\n> ${pick(SENTENCES)}`;
    else if (kind < 0.31) {
      footnote++;
      block = `${pick(SENTENCES).replace(/\.$/, '')}[^n${footnote}].\n\n[^n${footnote}]: ${pick(SENTENCES)}`;
    } else {
      const sentences = Array.from({ length: 3 + Math.floor(r() * 4) }, () => pick(SENTENCES));
      if (r() < 0.3) sentences[0] = sentences[0].replace(/(\w+ \w+)\./, '[$1](https://www.cancer.gov/).');
      if (r() < 0.2) sentences[1] = sentences[1] + ' See `code span` too.';
      block = sentences.join(' ').replace(/(.{70,90}) /g, '$1\n');
    }
    parts.push(block, '');
    size += block.length + 2;
  }
  return parts.join('\n');
}

const SYLLABLES = ['onco', 'cyto', 'lymph', 'sarc', 'carcin', 'blast', 'myel', 'neur', 'angi', 'fibr', 'hepat', 'nephr', 'derm', 'oste', 'chondr', 'gli', 'mel', 'aden', 'plas', 'thym'];
const ENDINGS = ['oma', 'osis', 'itis', 'ectomy', 'ogen', 'ocyte', 'ase', 'in', 'ide', 'emia'];
const WORDS = ['cell', 'factor', 'receptor', 'therapy', 'syndrome', 'marker', 'kinase', 'pathway', 'tumor', 'protein'];

/** A synthetic glossary of `count` distinct entries (1 to 4 words, some abbreviations). */
export function generateGlossary(count: number, seed = 7): Entry[] {
  const r = rng(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(r() * list.length)];
  const seen = new Set<string>();
  const entries: Entry[] = [];
  while (entries.length < count) {
    const head = pick(SYLLABLES) + pick(SYLLABLES) + pick(ENDINGS);
    const words = [head, ...Array.from({ length: Math.floor(r() * 3) }, () => pick(WORDS))];
    const term = words.join(' ') + (r() < 0.3 ? ` ${Math.floor(r() * 100)}` : '');
    if (seen.has(term)) continue;
    seen.add(term);
    const id = `t${entries.length}`;
    const abbreviations = r() < 0.1 ? [term.split(' ').map((w) => w[0].toUpperCase()).join('') + entries.length] : [];
    entries.push({ id, term, aliases: [], abbreviations, short: 'a synthetic test term', definition: `Synthetic term number ${entries.length}.`, level: 'specialist', category: 'general', sources: [{ url: 'https://example.org/' + id, label: 'example' }], related: [] });
  }
  return entries;
}
