import type { Span } from '../types';

/**
 * A stretch of prose text inside one block. `joinPrevious` says whether a term may continue from
 * the previous run of the same block into this one (true across emphasis marks such as `*`, false
 * across code spans, links' brackets or HTML).
 */
export interface ProseRun extends Span {
  joinPrevious: boolean;
}

export type ProseBlockKind = 'paragraph' | 'heading' | 'table-cell' | 'footnote' | 'task';

/** A block whose inline content is prose: a paragraph, heading, table cell, footnote or task item. */
export interface ProseBlock extends Span {
  kind: ProseBlockKind;
  runs: ProseRun[];
}

/**
 * A Markdown link: `[text](destination)`, a reference link or an autolink.
 * @example `[osteosarcoma](#)` -> { text: 9..21, destination: '#', placeholder: true }
 */
export interface MarkdownLink extends Span {
  text: Span;
  destination: string;
  /** Where the destination is written in the document (absent for reference links). */
  destinationSpan?: Span;
  placeholder: boolean;
}

export interface FootnoteReference extends Span {
  label: string;
}

export interface FootnoteDefinition extends Span {
  label: string;
  /** Where the footnote's text starts (after `[^label]:`). */
  textStart: number;
}

export interface Heading extends Span {
  level: number;
  text: string;
}

/** `<abbr title="tumor microenvironment">TME</abbr>` */
export interface AbbrTag extends Span {
  title: string;
  text: Span;
}

/** Oncoterm's own inline directives in HTML comments. */
export type Directive =
  | (Span & { kind: 'ignore'; terms: string[] })
  | (Span & { kind: 'disable' })
  | (Span & { kind: 'enable' });

/** Everything the analysis needs to know about a Markdown document's structure. */
export interface MarkdownModel extends DocumentModel {
  blocks: ProseBlock[];
}

/** The document-wide structure (without the prose blocks, which only the block phase reads). */
export interface DocumentModel {
  links: MarkdownLink[];
  footnoteReferences: FootnoteReference[];
  footnoteDefinitions: FootnoteDefinition[];
  headings: Heading[];
  abbrTags: AbbrTag[];
  directives: Directive[];
  /** End offset of the front matter, or 0 when there is none. */
  frontMatterEnd: number;
}
