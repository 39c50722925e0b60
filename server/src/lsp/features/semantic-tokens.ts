import { SemanticTokensBuilder, type SemanticTokens, type SemanticTokensLegend, type SemanticTokensParams } from 'vscode-languageserver';
import type { ServerContext } from './context';

export const SEMANTIC_LEGEND: SemanticTokensLegend = {
  tokenTypes: ['oncotermTerm', 'oncotermAbbreviation'],
  tokenModifiers: ['undefined', 'everyday'],
};

/** Every recognised term, from every glossary (user glossaries included). */
export function semanticTokens(cx: ServerContext, params: SemanticTokensParams): SemanticTokens {
  const builder = new SemanticTokensBuilder();
  const found = cx.documents.analysis(params.textDocument.uri);
  if (!found?.analysis) return builder.build();
  const { open, analysis } = found;
  const undefinedAt = new Set(analysis.findings.map((f) => f.start));
  for (const occ of analysis.occurrences) {
    const start = open.doc.positionAt(occ.start);
    const end = open.doc.positionAt(occ.end);
    const entry = analysis.glossary.entries[occ.entry];
    const modifiers = (undefinedAt.has(occ.start) ? 1 : 0) | (entry.level === 'everyday' ? 2 : 0);
    const type = occ.kind === 'abbreviation' ? 1 : 0;
    if (start.line === end.line) builder.push(start.line, start.character, end.character - start.character, type, modifiers);
    else {
      const lineEnd = open.doc.offsetAt({ line: start.line + 1, character: 0 }) - open.doc.offsetAt(start);
      builder.push(start.line, start.character, Math.max(0, lineEnd - 1), type, modifiers);
      builder.push(end.line, 0, end.character, type, modifiers);
    }
  }
  return builder.build();
}
