import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { LSPErrorCodes, ResponseError, ErrorCodes, type ExecuteCommandParams, type WorkspaceEdit } from 'vscode-languageserver';
import { isMap, isSeq, parseDocument } from 'yaml';
import { defineAll, insertGlossary, type TextEdit } from '../../core/fixes/fixes';
import { Commands, type DocumentCommandArgs } from '../../protocol/requests';
import { toWorkspaceEdit } from '../convert';
import { WORKSPACE_CONFIG } from '../workspace';
import type { ServerContext } from './context';

export const SERVER_COMMANDS = [Commands.defineAll, Commands.insertGlossary, Commands.ignoreInWorkspace];

/** Run a server command; document commands refuse to edit a version other than the one they were asked for. */
export async function executeCommand(cx: ServerContext, params: ExecuteCommandParams): Promise<{ applied: boolean; edits: number }> {
  const [arg] = params.arguments ?? [];
  if (params.command === Commands.ignoreInWorkspace) {
    if (typeof arg !== 'string' || !arg.trim()) throw new ResponseError(ErrorCodes.InvalidParams, 'ignoreInWorkspace needs the term to ignore');
    const edit = ignoreInWorkspaceEdit(cx, arg.trim());
    if (!edit) return { applied: false, edits: 0 };
    const result = await cx.connection.workspace.applyEdit({ label: `Ignore '${arg}' in this workspace`, edit });
    return { applied: result.applied, edits: 1 };
  }
  const args = (typeof arg === 'string' ? { uri: arg } : arg) as DocumentCommandArgs | undefined;
  if (!args || typeof args.uri !== 'string') throw new ResponseError(ErrorCodes.InvalidParams, `${params.command} needs { uri, version }`);
  const found = cx.documents.analysis(args.uri);
  if (!found) throw new ResponseError(ErrorCodes.InvalidParams, `${args.uri} is not open`);
  const { open, analysis } = found;
  if (!analysis) return { applied: false, edits: 0 };
  if (args.version !== undefined && args.version !== open.doc.version) {
    throw new ResponseError(LSPErrorCodes.ContentModified, `the document changed (version ${open.doc.version}, asked for ${args.version}); try again`);
  }
  let edits: TextEdit[];
  if (params.command === Commands.defineAll) edits = defineAll(analysis);
  else if (params.command === Commands.insertGlossary) edits = insertGlossary(analysis);
  else throw new ResponseError(ErrorCodes.MethodNotFound, `unknown command ${params.command}`);
  if (!edits.length) return { applied: true, edits: 0 };
  const label = params.command === Commands.defineAll ? 'Define all undefined terms' : 'Insert glossary of terms used';
  const result = await cx.connection.workspace.applyEdit({ label, edit: toWorkspaceEdit(open.doc, edits) });
  return { applied: result.applied, edits: edits.length };
}

/** An edit adding `term` to `ignoredTerms` in `.oncoterm.yaml` (created if missing), keeping its comments. */
function ignoreInWorkspaceEdit(cx: ServerContext, term: string): WorkspaceEdit | undefined {
  const root = cx.workspace().root;
  if (!root) return undefined;
  const path = join(root, WORKSPACE_CONFIG);
  const uri = pathToFileURL(path).toString();
  if (!existsSync(path)) {
    return { documentChanges: [{ kind: 'create', uri, options: { ignoreIfExists: true } }, { textDocument: { uri, version: null }, edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: `ignoredTerms:\n  - ${JSON.stringify(term)}\n` }] }] };
  }
  const text = readFileSync(path, 'utf8');
  const doc = parseDocument(text);
  if (doc.errors.length || (doc.contents && !isMap(doc.contents))) return undefined;
  const existing = doc.get('ignoredTerms');
  if (isSeq(existing)) {
    if (existing.items.some((i) => String((i as { value?: unknown }).value ?? i).toLowerCase() === term.toLowerCase())) return undefined;
    existing.add(term);
  } else {
    doc.set('ignoredTerms', [term]);
  }
  const lines = text.split('\n');
  return { documentChanges: [{ textDocument: { uri, version: null }, edits: [{ range: { start: { line: 0, character: 0 }, end: { line: lines.length, character: 0 } }, newText: doc.toString() }] }] };
}
