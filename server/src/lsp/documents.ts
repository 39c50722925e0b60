import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextDocumentContentChangeEvent } from 'vscode-languageserver';
import type { Analysis } from '../core/analysis/types';
import type { Glossary } from '../core/glossary/glossary';
import { IncrementalAnalyzer } from '../core/incremental';
import type { TextChange } from '../core/markdown/parse';
import type { AnalysisOptions } from '../core/options';

/** One open document with its incremental analyzer and the analysis of its current version (when computed). */
export interface OpenDocument {
  doc: TextDocument;
  analyzer?: IncrementalAnalyzer;
  /** Edits since the last analysis, in the coordinates of successive versions; undefined after a full replacement. */
  pendingChanges: TextChange[][] | undefined;
  analysis?: Analysis;
  /** The version `analysis` belongs to. */
  analyzedVersion?: number;
  /** Why the document is not analysed (too large), if it is not. */
  skipped?: string;
}

/**
 * Open documents and their analyses. Text changes are applied incrementally; the analysis is
 * computed lazily, once per version, and every feature reads the same cached analysis.
 */
export class DocumentStore {
  private readonly docs = new Map<string, OpenDocument>();

  constructor(private readonly context: () => { glossary: Glossary; options: AnalysisOptions; maxDocumentSize: number }) {}

  open(uri: string, languageId: string, version: number, text: string): OpenDocument {
    const open: OpenDocument = { doc: TextDocument.create(uri, languageId, version, text), pendingChanges: [] };
    this.docs.set(uri, open);
    return open;
  }

  change(uri: string, version: number, changes: readonly TextDocumentContentChangeEvent[]): OpenDocument | undefined {
    const open = this.docs.get(uri);
    if (!open) return undefined;
    let doc = open.doc;
    for (const change of changes) {
      if ('range' in change) {
        const start = doc.offsetAt(change.range.start);
        const end = doc.offsetAt(change.range.end);
        open.pendingChanges?.push([{ start, end, text: change.text }]);
      } else {
        open.pendingChanges = undefined;
      }
      doc = TextDocument.update(doc, [change], version);
    }
    open.doc = TextDocument.update(doc, [], version);
    open.analysis = undefined;
    open.analyzedVersion = undefined;
    return open;
  }

  close(uri: string): void {
    this.docs.delete(uri);
  }

  get(uri: string): OpenDocument | undefined {
    return this.docs.get(uri);
  }

  all(): OpenDocument[] {
    return [...this.docs.values()];
  }

  /** Forget every analysis (settings or glossaries changed); parse trees are kept. */
  invalidate(): void {
    for (const open of this.docs.values()) {
      open.analysis = undefined;
      open.analyzedVersion = undefined;
    }
  }

  /** The analysis of the document's current version, computing it if needed. */
  analysis(uri: string): { open: OpenDocument; analysis: Analysis | undefined } | undefined {
    const open = this.docs.get(uri);
    if (!open) return undefined;
    if (open.analysis && open.analyzedVersion === open.doc.version) return { open, analysis: open.analysis };
    const { glossary, options, maxDocumentSize } = this.context();
    const text = open.doc.getText();
    if (text.length > maxDocumentSize) {
      open.skipped = `Oncoterm does not analyse documents over ${maxDocumentSize.toLocaleString('en')} characters (this one has ${text.length.toLocaleString('en')}); raise oncoterm.maxDocumentSize to check it`;
      open.analyzer = undefined;
      open.pendingChanges = [];
      open.analysis = undefined;
      return { open, analysis: undefined };
    }
    open.skipped = undefined;
    const analyzer = open.analyzer ?? new IncrementalAnalyzer(glossary);
    analyzer.setGlossary(glossary);
    open.analysis = analyzer.update(text, open.analyzer ? open.pendingChanges : undefined, options);
    open.analyzer = analyzer;
    open.pendingChanges = [];
    open.analyzedVersion = open.doc.version;
    return { open, analysis: open.analysis };
  }
}

