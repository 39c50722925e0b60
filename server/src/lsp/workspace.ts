import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { isAbsolute, join, resolve, sep } from 'node:path';
import { isMap, LineCounter, parseDocument } from 'yaml';
import { mergeGlossaries, type Glossary } from '../core/glossary/glossary';
import { parseGlossary, type GlossaryFile } from '../core/glossary/parse';
import type { Problem } from '../core/types';
import { parseSettings, type Settings } from '../protocol/settings';
import type { BuiltinGlossary } from './builtin';

export const WORKSPACE_CONFIG = '.oncoterm.yaml';
/** Larger glossary files are refused with a diagnostic instead of being parsed. */
export const MAX_GLOSSARY_BYTES = 20 * 1024 * 1024;

/**
 * The workspace's configuration and glossaries: editor settings, then `.oncoterm.yaml`, then the
 * glossary files they name. Reading never throws: every problem becomes a `Problem` on its file.
 */
export class WorkspaceState {
  settings: Settings;
  glossary: Glossary;
  /** Problems per file path (glossaries and `.oncoterm.yaml`). */
  problems = new Map<string, Problem[]>();
  /** Files whose change means a reload. */
  watched = new Set<string>();
  private userFiles: GlossaryFile[] = [];

  constructor(private readonly builtin: BuiltinGlossary, readonly root: string | undefined, private editorSettings: unknown = null) {
    this.settings = parseSettings(null).settings;
    this.glossary = this.merge([]);
    this.reload();
  }

  /** The built-in glossary and the user's files, merged; reuses the glossary when nothing changed. */
  private merge(files: GlossaryFile[]): Glossary {
    const key = JSON.stringify(files.map((f) => [f.file, f.entries, f.problems.length]));
    if (this.glossary && key === this.mergedKey) return this.glossary;
    this.mergedKey = key;
    return mergeGlossaries([...this.builtin.files, ...files], this.builtin.index);
  }

  private mergedKey = '';

  setEditorSettings(raw: unknown): void {
    this.editorSettings = raw;
    this.reload();
  }

  /** Re-read settings and user glossaries, and rebuild the glossary. */
  reload(): void {
    const problems = new Map<string, Problem[]>();
    const fromEditor = parseSettings(this.editorSettings);
    let settings = fromEditor.settings;
    const watched = new Set<string>();
    const trustedPaths = [...settings.glossaries];
    let workspacePaths: string[] = [];
    if (this.root) {
      const configPath = join(this.root, WORKSPACE_CONFIG);
      watched.add(configPath);
      if (existsSync(configPath)) {
        const read = readWorkspaceConfig(configPath, settings);
        settings = read.settings;
        workspacePaths = read.glossaries;
        if (read.problems.length) problems.set(configPath, read.problems);
      }
    }
    settings.glossaries = [...trustedPaths, ...workspacePaths];
    const files: GlossaryFile[] = [];
    for (const [path, trusted] of [...trustedPaths.map((p) => [p, true] as const), ...workspacePaths.map((p) => [p, false] as const)]) {
      const absolute = this.resolvePath(path);
      watched.add(absolute);
      const file = readGlossaryFile(absolute, trusted ? undefined : this.root);
      files.push(file);
      if (file.problems.length) problems.set(absolute, file.problems);
    }
    this.settings = settings;
    this.problems = problems;
    this.watched = watched;
    this.userFiles = files;
    this.glossary = this.merge(files);
  }

  get userGlossaries(): readonly GlossaryFile[] {
    return this.userFiles;
  }

  private resolvePath(path: string): string {
    return isAbsolute(path) ? path : resolve(this.root ?? process.cwd(), path);
  }
}

/** Read one glossary file; `confineTo` refuses paths outside that folder (for paths a workspace file names). */
export function readGlossaryFile(path: string, confineTo?: string): GlossaryFile {
  const problem = (message: string): GlossaryFile => ({ file: path, entries: [], problems: [{ file: path, message, severity: 'error', line: 0, character: 0 }] });
  try {
    if (!existsSync(path)) return problem(`glossary file not found: ${path}`);
    if (confineTo) {
      const real = realpathSync(path);
      const root = realpathSync(confineTo);
      if (real !== root && !real.startsWith(root + sep)) return problem(`glossary ${path} is outside the workspace; a workspace file may only name glossaries inside it (add it to your own settings instead)`);
    }
    const size = statSync(path).size;
    if (size > MAX_GLOSSARY_BYTES) return problem(`glossary file is too large (${Math.round(size / 1024 / 1024)} MB; the limit is ${MAX_GLOSSARY_BYTES / 1024 / 1024} MB)`);
    const text = new TextDecoder('utf-8', { fatal: false }).decode(readFileSync(path));
    return parseGlossary(text, path);
  } catch (e) {
    return problem(`cannot read glossary: ${(e as Error).message}`);
  }
}

/** `.oncoterm.yaml`: the same keys as the `oncoterm.*` settings. */
export function readWorkspaceConfig(path: string, base: Settings): { settings: Settings; glossaries: string[]; problems: Problem[] } {
  const problems: Problem[] = [];
  let text = '';
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    problems.push({ file: path, message: `cannot read ${WORKSPACE_CONFIG}: ${(e as Error).message}`, severity: 'error', line: 0, character: 0 });
    return { settings: base, glossaries: [], problems };
  }
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  const at = (offset: number, message: string, severity: Problem['severity'] = 'error') => {
    const pos = lines.linePos(offset);
    problems.push({ file: path, message, severity, line: pos.line - 1, character: pos.col - 1 });
  };
  for (const e of doc.errors) at(e.pos[0], `YAML: ${e.message.split('\n')[0]}`);
  if (doc.errors.length) return { settings: base, glossaries: [], problems };
  let raw: unknown = null;
  try {
    raw = doc.toJS({ maxAliasCount: 50 });
  } catch (e) {
    at(0, `YAML: ${(e as Error).message}`);
  }
  if (raw !== null && (typeof raw !== 'object' || Array.isArray(raw))) {
    at(0, `${WORKSPACE_CONFIG} must be a mapping of settings such as "audience: patient"`);
    return { settings: base, glossaries: [], problems };
  }
  const { glossaries, ...rest } = (raw ?? {}) as Record<string, unknown>;
  const parsed = parseSettings(rest, base);
  for (const p of parsed.problems) {
    const key = p.path.split('.')[0];
    const node = isMap(doc.contents) ? doc.contents.items.find((i) => (i.key as { value?: unknown })?.value === key) : undefined;
    at((node?.key as { range?: number[] } | undefined)?.range?.[0] ?? 0, p.message, 'warning');
  }
  const list = Array.isArray(glossaries) ? glossaries.filter((g): g is string => typeof g === 'string') : [];
  if (glossaries !== undefined && !Array.isArray(glossaries)) at(0, 'glossaries must be a list of file paths', 'warning');
  return { settings: parsed.settings, glossaries: list, problems };
}
