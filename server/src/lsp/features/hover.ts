import { MarkupKind, type Hover, type HoverParams } from 'vscode-languageserver';
import { describeEntry, occurrenceAt } from '../../core/present';
import { toRange } from '../convert';
import type { ServerContext } from './context';

export function hover(cx: ServerContext, params: HoverParams): Hover | null {
  const found = cx.documents.analysis(params.textDocument.uri);
  if (!found?.analysis) return null;
  const { open, analysis } = found;
  const occ = occurrenceAt(analysis, open.doc.offsetAt(params.position));
  if (!occ) return null;
  const { entries, byId } = analysis.glossary;
  let local = occ.evidence ?? firstEvidence(analysis, occ.entry);
  if (local?.kind === 'footnote') {
    const note = analysis.model.footnoteDefinitions.find((d) => d.label === local!.label);
    local = { kind: 'footnote', text: note ? analysis.text.slice(note.textStart, note.end).trim() : undefined };
  }
  const value = describeEntry(entries[occ.entry], entries, byId, local);
  return { contents: { kind: MarkupKind.Markdown, value }, range: toRange(open.doc, occ) };
}

function firstEvidence(analysis: NonNullable<ReturnType<ServerContext['documents']['analysis']>>['analysis'], entry: number) {
  const use = analysis?.uses.get(entry);
  if (!analysis || !use || use.definition === undefined || use.definition < 0) return undefined;
  return analysis.occurrences[use.definition].evidence;
}
