import type { Tree } from '@lezer/common';
import { analyzeBlock, assembleAnalysis, shiftBlockAnalysis, type BlockAnalysis } from './analysis/analyze';
import type { Analysis } from './analysis/types';
import type { Glossary } from './glossary/glossary';
import { chunkModel, forEachChunk, parseTree, reparseTree, shiftBlockModel, type TextChange } from './markdown/parse';
import type { AnalysisOptions } from './options';

/** How much work the last update did, for benchmarks and tests. */
export interface UpdateStats {
  blocks: number;
  reused: number;
}

/**
 * The editor path: keeps a document's parse tree and its per-block analyses, and after an edit
 * re-parses only around the change (lezer tree fragments), re-analyses only the top-level blocks
 * the change touched, shifts the ones after it, then recomputes the document-order facts.
 * `update` always yields exactly what `analyzeText` would for the same text.
 */
export class IncrementalAnalyzer {
  private tree: Tree | undefined;
  private parts: BlockAnalysis[] = [];
  lastStats: UpdateStats = { blocks: 0, reused: 0 };

  constructor(private glossary: Glossary) {}

  /** A new glossary invalidates every block's matches. */
  setGlossary(glossary: Glossary): void {
    if (glossary === this.glossary) return;
    this.glossary = glossary;
    this.parts = [];
  }

  /**
   * Analyse `text`, which is the previous text with `steps` applied (each step a list of
   * non-overlapping changes in the coordinates of the text before it). Without a previous text or
   * without steps, analyses from scratch.
   */
  update(text: string, steps: readonly (readonly TextChange[])[] | undefined, options: AnalysisOptions): Analysis {
    const incremental = this.tree !== undefined && steps !== undefined && this.parts.length > 0;
    const tree = incremental ? reparseTree(this.tree!, steps!, text) : parseTree(text);
    const old = incremental ? this.parts : [];
    const parts: BlockAnalysis[] = [];
    let reused = 0;
    let k = 0;
    // The next old block that no change touched, and how far it moved.
    let delta: number | null = null;
    const advance = () => {
      for (; k < old.length; k++) {
        delta = shiftOf(old[k].model.from, old[k].model.to, steps!);
        if (delta !== null) return;
      }
      delta = null;
    };
    if (incremental) advance();
    forEachChunk(tree, (start, count, from, to, type) => {
      while (k < old.length && delta !== null && old[k].model.from + delta < from) {
        k++;
        advance();
      }
      const candidate = k < old.length && delta !== null ? old[k] : undefined;
      if (candidate && candidate.model.from + delta! === from && candidate.model.to + delta! === to && candidate.model.type === type) {
        shiftBlockModel(candidate.model, delta!);
        shiftBlockAnalysis(candidate, delta!);
        parts.push(candidate);
        reused++;
        k++;
        advance();
      } else {
        parts.push(analyzeBlock(text, chunkModel(text, start, count), this.glossary));
      }
    });
    this.tree = tree;
    this.parts = parts;
    this.lastStats = { blocks: parts.length, reused };
    return assembleAnalysis(text, parts, this.glossary, options);
  }

  /** Forget the tree and every block (the next update starts from scratch). */
  reset(): void {
    this.tree = undefined;
    this.parts = [];
  }
}

/**
 * Where the range `from..to` of the old text lies after the steps, or null when a change touches
 * it (including a change right at its edges, which may extend the block).
 */
export function mapRange(from: number, to: number, steps: readonly (readonly TextChange[])[]): [number, number] | null {
  const delta = shiftOf(from, to, steps);
  return delta === null ? null : [from + delta, to + delta];
}

/** How far the steps move the range `from..to`, or null when a change touches it. */
function shiftOf(from: number, to: number, steps: readonly (readonly TextChange[])[]): number | null {
  let a = from;
  let b = to;
  for (const changes of steps) {
    let shift = 0;
    for (const c of changes) {
      if (b < c.start) break;
      if (a > c.end) {
        shift += c.text.length - (c.end - c.start);
        continue;
      }
      return null;
    }
    a += shift;
    b += shift;
  }
  return a - from;
}
