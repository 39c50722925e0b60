import { CodeAction, CodeActionKind, type CodeActionParams, type Diagnostic } from 'vscode-languageserver';
import { defineAll, fixesForFinding } from '../../core/fixes/fixes';
import { toCodeAction, toWorkspaceEdit, type DiagnosticData } from '../convert';
import type { ServerContext } from './context';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.oncoterm`;

/**
 * Quick fixes for the findings under the range, plus "define all" as `source.fixAll.oncoterm`.
 * Fixes come from the analysis of the current version; a diagnostic computed for another version
 * is ignored, so no edit is ever built from stale offsets.
 */
export function codeActions(cx: ServerContext, params: CodeActionParams): CodeAction[] {
  const found = cx.documents.analysis(params.textDocument.uri);
  if (!found?.analysis) return [];
  const { open, analysis } = found;
  const { doc } = open;
  const only = params.context.only;
  const wants = (kind: string) => !only || only.some((k) => kind === k || kind.startsWith(k + '.'));
  const actions: CodeAction[] = [];
  if (wants(CodeActionKind.QuickFix)) {
    const start = doc.offsetAt(params.range.start);
    const end = doc.offsetAt(params.range.end);
    for (const finding of analysis.findings) {
      if (finding.end < start || finding.start > end) continue;
      const diagnostics = params.context.diagnostics.filter((d: Diagnostic) => {
        const data = d.data as DiagnosticData | undefined;
        return d.code === finding.code && (!data || (data.version === doc.version && data.start === finding.start));
      });
      for (const fix of fixesForFinding(analysis, finding)) actions.push(toCodeAction(doc, fix, diagnostics));
    }
  }
  // "Define all" edits the whole document: computed only when a client asks for fix-all actions.
  if (only?.some((k) => k === CodeActionKind.Source || k === CodeActionKind.SourceFixAll || k === FIX_ALL_KIND)) {
    const edits = defineAll(analysis);
    if (edits.length) {
      const action = CodeAction.create('Define all undefined terms', toWorkspaceEdit(doc, edits), FIX_ALL_KIND);
      actions.push(action);
    }
  }
  return actions;
}
