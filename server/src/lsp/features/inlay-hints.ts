import { InlayHint, InlayHintKind, type InlayHintParams } from 'vscode-languageserver';
import type { ServerContext } from './context';

/** The short gloss after the first use of each unexplained term, when `oncoterm.inlayHints.enabled`. */
export function inlayHints(cx: ServerContext, params: InlayHintParams): InlayHint[] {
  if (!cx.workspace().settings.inlayHints.enabled) return [];
  const found = cx.documents.analysis(params.textDocument.uri);
  if (!found?.analysis) return [];
  const { open, analysis } = found;
  const hints: InlayHint[] = [];
  for (const finding of analysis.findings) {
    if ((finding.code !== 'undefined-term' && finding.code !== 'undefined-abbreviation') || finding.entry === undefined) continue;
    const entry = analysis.glossary.entries[finding.entry];
    const hint = InlayHint.create(open.doc.positionAt(finding.end), ` (${entry.short})`, InlayHintKind.Parameter);
    hint.paddingLeft = false;
    hints.push(hint);
  }
  return hints;
}
