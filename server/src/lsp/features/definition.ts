import { pathToFileURL } from 'node:url';
import { isAbsolute } from 'node:path';
import { Location, Range, type DefinitionParams } from 'vscode-languageserver';
import { occurrenceAt } from '../../core/present';
import type { ServerContext } from './context';

/** Go to definition on a term opens the glossary entry that defines it. */
export function definition(cx: ServerContext, params: DefinitionParams): Location | null {
  const found = cx.documents.analysis(params.textDocument.uri);
  if (!found?.analysis) return null;
  const { open, analysis } = found;
  const occ = occurrenceAt(analysis, open.doc.offsetAt(params.position));
  const origin = occ && analysis.glossary.entries[occ.entry].origin;
  if (!origin) return null;
  const uri = isAbsolute(origin.file) ? pathToFileURL(origin.file).toString() : origin.file;
  return Location.create(uri, Range.create(origin.line, 0, origin.line, 0));
}
