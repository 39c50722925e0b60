import { CodeAction, CodeActionKind, Diagnostic, DiagnosticSeverity, Position, Range, type WorkspaceEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding } from '../core/analysis/types';
import type { Fix, TextEdit as CoreEdit } from '../core/fixes/fixes';
import { RULE_DOCS_BASE } from '../core/analysis/rules';
import type { Problem, Severity, Span } from '../core/types';
import { Commands } from '../protocol/requests';

/** The only place where core offsets become LSP positions (UTF-16, as both sides count). */
export function toRange(doc: TextDocument, span: Span): Range {
  return Range.create(doc.positionAt(span.start), doc.positionAt(span.end));
}

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** What a diagnostic carries for code actions: the finding's data and the version it was computed for. */
export interface DiagnosticData {
  code: string;
  entryId?: string;
  start: number;
  end: number;
  version: number;
}

export function toDiagnostic(doc: TextDocument, finding: Finding): Diagnostic {
  const diagnostic = Diagnostic.create(toRange(doc, finding), finding.message, SEVERITY[finding.severity], finding.code, 'oncoterm');
  diagnostic.codeDescription = { href: RULE_DOCS_BASE + finding.code };
  const data: DiagnosticData = { ...finding.data, version: doc.version };
  diagnostic.data = data;
  if (finding.related.length) {
    diagnostic.relatedInformation = finding.related.map((r) => ({ location: { uri: doc.uri, range: toRange(doc, r) }, message: r.message }));
  }
  return diagnostic;
}

export function problemToDiagnostic(problem: Problem): Diagnostic {
  const start = Position.create(problem.line, problem.character);
  const end = problem.endLine !== undefined ? Position.create(problem.endLine, problem.endCharacter ?? 0) : Position.create(problem.line, Number.MAX_SAFE_INTEGER >>> 12);
  return Diagnostic.create(Range.create(start, end), problem.message, SEVERITY[problem.severity], undefined, 'oncoterm');
}

/** A versioned workspace edit: a client refuses to apply it to any other version of the document. */
export function toWorkspaceEdit(doc: TextDocument, edits: readonly CoreEdit[]): WorkspaceEdit {
  return {
    documentChanges: [{
      textDocument: { uri: doc.uri, version: doc.version },
      edits: edits.map((e) => ({ range: toRange(doc, e), newText: e.newText })),
    }],
  };
}

export function toCodeAction(doc: TextDocument, fix: Fix, diagnostics: Diagnostic[]): CodeAction {
  const action = CodeAction.create(fix.title, CodeActionKind.QuickFix);
  action.diagnostics = diagnostics;
  if (fix.preferred) action.isPreferred = true;
  if (fix.edits.length) action.edit = toWorkspaceEdit(doc, fix.edits);
  if (fix.command) action.command = { title: fix.title, command: Commands.ignoreInWorkspace, arguments: [fix.command.term] };
  return action;
}
