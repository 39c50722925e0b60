import type { Glossary } from '../glossary/glossary';
import type { TermMatch } from '../glossary/terms-index';
import type { DocumentModel, MarkdownLink } from '../markdown/model';
import type { AnalysisOptions, FindingCode } from '../options';
import type { Severity, Span } from '../types';

export type EvidenceKind = 'link' | 'parenthetical' | 'appositive' | 'naming' | 'sentence' | 'footnote' | 'abbr-tag' | 'glossary-section' | 'expansion';

/**
 * Why an occurrence counts as explained to the reader.
 * @example `osteosarcoma (a bone cancer)` -> { kind: 'parenthetical', text: 'a bone cancer' }
 */
export interface Evidence {
  kind: EvidenceKind;
  /** The document's own explanation, when there is one to quote (parenthetical, link URL). */
  text?: string;
  /** For a footnote: its label (the text is in `model.footnoteDefinitions`). */
  label?: string;
  /** Where a parenthetical or appositive explanation ends: terms inside it are part of the explanation. */
  end?: number;
}

/** One recognised term in the document. */
export interface Occurrence extends TermMatch {
  inHeading: boolean;
  /** Part of a proper name written in Title Case (`Comparative Oncology Program`): not a use of the term. */
  inName: boolean;
  /** Inside another term's explanation (`osteosarcoma (a cancer that starts in bone)`): not a first use. */
  inExplanation?: boolean;
  /** The link whose text contains it. */
  link?: MarkdownLink;
  evidence?: Evidence;
}

/** All uses of one glossary entry in a document; occurrences are indices into `Analysis.occurrences`. */
export interface TermUse {
  entry: number;
  count: number;
  /** First use of the term or an alias outside headings and glossary sections. */
  firstUse?: number;
  /** First occurrence (term form) that is explained; -1 when a Glossary section explains it. */
  definition?: number;
  firstAbbreviation?: number;
  /** First abbreviation occurrence that is expanded or explained. */
  expansion?: number;
  /** How many occurrences use the US and the UK spelling, and the first of each. */
  us: number;
  uk: number;
  firstUs?: number;
  firstUk?: number;
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
  model: DocumentModel;
  glossary: Glossary;
  options: AnalysisOptions;
  occurrences: Occurrence[];
  uses: Map<number, TermUse>;
  /** Sections headed Glossary / Definitions / Key terms. */
  glossarySections: Span[];
  /** Regions between `<!-- oncoterm-disable -->` and `<!-- oncoterm-enable -->`: recognised, never reported. */
  disabled: Span[];
  findings: Finding[];
}
