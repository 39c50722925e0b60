import type { Glossary } from '../glossary/glossary';
import type { TermMatch } from '../glossary/terms-index';
import type { MarkdownModel } from '../markdown/model';
import type { AnalysisOptions, FindingCode } from '../options';
import type { Severity, Span } from '../types';

export type EvidenceKind = 'link' | 'parenthetical' | 'appositive' | 'naming' | 'sentence' | 'footnote' | 'abbr-tag' | 'glossary-section' | 'expansion';

/**
 * Why an occurrence counts as explained to the reader.
 * @example `osteosarcoma (a bone cancer)` -> { kind: 'parenthetical', text: 'a bone cancer' }
 */
export interface Evidence {
  kind: EvidenceKind;
  /** The document's own explanation, when there is one to quote (footnote text, parenthetical, link URL). */
  text?: string;
}

/** One recognised term in the document. */
export interface Occurrence extends TermMatch {
  /** Index of the prose block it is in. */
  block: number;
  inHeading: boolean;
  /** Part of a proper name written in Title Case (`Comparative Oncology Program`): not a use of the term. */
  inName: boolean;
  /** Inside a `<!-- oncoterm-disable -->` region: recognised, never reported. */
  disabled: boolean;
  /** Index into `model.links` of the link whose text contains it. */
  link?: number;
  evidence?: Evidence;
}

/** All uses of one glossary entry in a document, as indices into `Analysis.occurrences`. */
export interface TermUse {
  entry: number;
  occurrences: number[];
  /** First use of the term or an alias outside headings and glossary sections. */
  firstUse?: number;
  /** First occurrence (term form) that is explained; -1 when a Glossary section explains it. */
  definition?: number;
  firstAbbreviation?: number;
  /** First abbreviation occurrence that is expanded or explained. */
  expansion?: number;
}

export interface RelatedLocation extends Span {
  message: string;
}

/**
 * What quick fixes need to know about a finding; also sent as LSP `Diagnostic.data`.
 * @example { code: 'undefined-term', entryId: 'osteosarcoma', start: 120, end: 132 }
 */
export interface FindingData {
  code: FindingCode;
  entryId?: string;
  start: number;
  end: number;
}

export interface Finding extends Span {
  code: FindingCode;
  severity: Severity;
  message: string;
  /** Index of the entry concerned in the glossary. */
  entry?: number;
  related: RelatedLocation[];
  data: FindingData;
}

/** Everything known about one version of a document: computed once, read by every feature. */
export interface Analysis {
  text: string;
  model: MarkdownModel;
  glossary: Glossary;
  options: AnalysisOptions;
  occurrences: Occurrence[];
  uses: Map<number, TermUse>;
  /** Sections headed Glossary / Definitions / Key terms. */
  glossarySections: Span[];
  findings: Finding[];
}
