import type { DocumentStats } from '../../protocol/requests';
import type { ServerContext } from './context';

/** Counts for the status bar: distinct terms recognised, and how many are not explained. */
export function documentStats(cx: ServerContext, uri: string): DocumentStats | null {
  const found = cx.documents.analysis(uri);
  if (!found) return null;
  const { open, analysis } = found;
  if (!analysis) return { uri, version: open.doc.version, terms: 0, undefined: 0, skipped: open.skipped };
  const undefinedCount = analysis.findings.filter((f) => f.code === 'undefined-term' || f.code === 'undefined-abbreviation').length;
  return { uri, version: open.doc.version, terms: analysis.uses.size, undefined: undefinedCount };
}
