import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LSPErrorCodes, ResponseError, ErrorCodes, type ExecuteCommandParams } from 'vscode-languageserver';
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
    const changed = ignoreInWorkspace(cx, arg.trim());
    if (changed) cx.reload();
    return { applied: changed, edits: changed ? 1 : 0 };
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

/**
 * Add `term` to `ignoredTerms` in `.oncoterm.yaml` (created if missing, comments kept) and write it
 * at once: a settings file, so the change takes effect without the user saving an editor.
 */
function ignoreInWorkspace(cx: ServerContext, term: string): boolean {
  const root = cx.workspace().root;
  if (!root) return false;
  const path = join(root, WORKSPACE_CONFIG);
  const text = existsSync(path) ? readFileSync(path, 'utf8') : '';
  const doc = parseDocument(text);
  if (doc.errors.length || (doc.contents && !isMap(doc.contents))) {
    void cx.connection.sendNotification('window/showMessage', { type: 1, message: `${WORKSPACE_CONFIG} has errors; fix them before adding '${term}' to ignoredTerms` });
    return false;
  }
  const existing = doc.get('ignoredTerms');
  if (isSeq(existing)) {
    if (existing.items.some((i) => String((i as { value?: unknown }).value ?? i).toLowerCase() === term.toLowerCase())) return false;
    existing.add(term);
  } else {
    doc.set('ignoredTerms', [term]);
  }
  writeFileSync(path, doc.toString());
  return true;
}
