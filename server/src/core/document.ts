import { analyzeTree } from './analysis/analyze';
import type { Analysis } from './analysis/types';
import type { Glossary } from './glossary/glossary';
import { parseTree } from './markdown/parse';
import type { AnalysisOptions } from './options';

/** Markdown in, analysis out: the whole pipeline on one text, from scratch. */
export function analyzeText(text: string, glossary: Glossary, options?: AnalysisOptions): Analysis {
  return analyzeTree(text, parseTree(text), glossary, options);
}
