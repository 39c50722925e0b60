import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver';
import { problemToDiagnostic, toDiagnostic } from '../convert';
import type { ServerContext } from './context';

/** Publish the findings of the document's current version (or clear them when it is not analysed). */
export function publishDiagnostics(cx: ServerContext, uri: string): void {
  const found = cx.documents.analysis(uri);
  if (!found) return;
  const { open, analysis } = found;
  const diagnostics: Diagnostic[] = analysis ? analysis.findings.map((f) => toDiagnostic(open.doc, f)) : [];
  void cx.connection.sendDiagnostics({ uri, version: open.doc.version, diagnostics });
}

/** Problems in glossary files and `.oncoterm.yaml`, published on those files; `previous` are cleared. */
export function publishProblems(cx: ServerContext, previous: Set<string>): Set<string> {
  const published = new Set<string>();
  for (const [path, problems] of cx.workspace().problems) {
    const uri = pathToFileURL(path).toString();
    published.add(uri);
    void cx.connection.sendDiagnostics({ uri, diagnostics: problems.map(problemToDiagnostic) });
  }
  for (const uri of previous) if (!published.has(uri)) void cx.connection.sendDiagnostics({ uri, diagnostics: [] });
  return published;
}
