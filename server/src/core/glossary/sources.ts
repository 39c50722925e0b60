import type { Source } from '../types';

export const NCI_DICTIONARY_URL = 'https://www.cancer.gov/publications/dictionaries/cancer-terms/def/';
export const NCIT_URL = 'https://evsexplore.semantics.cancer.gov/evsexplore/concept/ncit/';
export const MESH_URL = 'https://meshb.nlm.nih.gov/record/ui?ui=';

/**
 * Expand one raw `sources` item to a link, or explain why it cannot be one.
 * @example expandSource({ nci: 45395 }) -> { url: 'https://www.cancer.gov/.../def/45395', label: 'NCI Dictionary of Cancer Terms', nci: 45395 }
 */
export function expandSource(raw: unknown): Source | string {
  if (typeof raw === 'string') return expandSource({ url: raw });
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return 'a source must be a mapping such as `nci: 45395` or `url: https://...`';
  const item = raw as Record<string, unknown>;
  const label = typeof item.label === 'string' && item.label.trim() ? item.label.trim() : undefined;
  if (item.nci !== undefined) {
    const id = typeof item.nci === 'number' ? item.nci : Number(String(item.nci).trim());
    if (!Number.isInteger(id) || id <= 0) return `nci must be a CDR id (a whole number), not ${JSON.stringify(item.nci)}`;
    return { url: NCI_DICTIONARY_URL + id, label: label ?? 'NCI Dictionary of Cancer Terms', nci: id };
  }
  if (item.ncit !== undefined) {
    const code = String(item.ncit).trim();
    if (!/^C\d+$/.test(code)) return `ncit must be an NCI Thesaurus code such as C3262, not ${JSON.stringify(item.ncit)}`;
    return { url: NCIT_URL + code, label: label ?? `NCI Thesaurus ${code}` };
  }
  if (item.mesh !== undefined) {
    const id = String(item.mesh).trim();
    if (!/^[DCM]\d{6,9}$/.test(id)) return `mesh must be a MeSH unique id such as D009362, not ${JSON.stringify(item.mesh)}`;
    return { url: MESH_URL + id, label: label ?? `MeSH ${id}` };
  }
  if (item.url !== undefined) {
    const url = safeHttpUrl(String(item.url));
    if (!url) return `only http(s) source links are allowed, not ${JSON.stringify(String(item.url).slice(0, 80))}`;
    return { url, label: label ?? new URL(url).hostname };
  }
  return 'a source needs one of nci, ncit, mesh or url';
}

/** The URL normalised if it is a well-formed http(s) URL, else undefined (no `javascript:`, `command:`...). */
export function safeHttpUrl(raw: string): string | undefined {
  const trimmed = raw.trim();
  if (!/^https?:\/\//i.test(trimmed)) return undefined;
  try {
    const url = new URL(trimmed);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
    if (!url.hostname) return undefined;
    return url.href;
  } catch {
    return undefined;
  }
}
