import type { DocumentLink, DocumentLinkParams } from 'vscode-languageserver';
import { toRange } from '../convert';
import type { ServerContext } from './context';

/** Each recognised term (outside existing links) links to its entry's first source. */
export function documentLinks(cx: ServerContext, params: DocumentLinkParams): DocumentLink[] {
  const found = cx.documents.analysis(params.textDocument.uri);
  if (!found?.analysis) return [];
  const { open, analysis } = found;
  const links: DocumentLink[] = [];
  for (const occ of analysis.occurrences) {
    if (occ.link !== undefined) continue;
    const entry = analysis.glossary.entries[occ.entry];
    const source = entry.sources[0];
    if (!source) continue;
    links.push({ range: toRange(open.doc, occ), target: source.url, tooltip: `${entry.term}: ${source.label}` });
  }
  return links;
}
