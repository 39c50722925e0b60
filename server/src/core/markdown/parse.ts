import { parser as commonMark, GFM, type MarkdownParser } from '@lezer/markdown';
import { TreeFragment, type SyntaxNode, type Tree, type TreeCursor } from '@lezer/common';
import { Footnotes, FrontMatter, MathSyntax } from './extensions';
import type { AbbrTag, Directive, DocumentModel, MarkdownLink, MarkdownModel, ProseBlockKind, ProseRun } from './model';

/** CommonMark + GFM (tables, task lists, strikethrough, autolinks) + footnotes, math and front matter. */
export const markdownParser: MarkdownParser = commonMark.configure([GFM, Footnotes, MathSyntax, FrontMatter]);

/** A text change, in offsets of the old document: replace `start..end` by `text`. */
export interface TextChange {
  start: number;
  end: number;
  text: string;
}

/**
 * The text as lezer sees it: every line ending as `\n`, offsets unchanged (`\r\n` becomes ` \n`, a
 * lone `\r` becomes `\n`). Lezer's incremental re-parse can reuse a paragraph wrongly when lines
 * end in `\r\n` (found by fuzzing), and CommonMark counts a lone `\r` as a line ending.
 */
function lezerText(text: string): string {
  return text.includes('\r') ? text.replace(/\r\n?/g, (m) => (m.length === 2 ? ' \n' : '\n')) : text;
}

/** Parse `text` from scratch. */
export function parseTree(text: string): Tree {
  return markdownParser.parse(lezerText(text));
}

/**
 * One change, in the coordinates of the text before the first step, that covers every change of
 * the steps (each step a list of changes in the coordinates of the text before it). `text` is the
 * text after the last step. Null when nothing changed.
 */
export function composeSteps(steps: readonly (readonly TextChange[])[], text: string): TextChange | null {
  // The union so far: original [start, endA) is now current [start, endB).
  let start = -1;
  let endA = -1;
  let endB = -1;
  for (const changes of steps) {
    // Within one step the changes share the coordinates of the text before it: apply the last first.
    for (let i = changes.length - 1; i >= 0; i--) {
      const c = changes[i];
      const delta = c.text.length - (c.end - c.start);
      if (start < 0) {
        start = c.start;
        endA = c.end;
        endB = c.end + delta;
        continue;
      }
      const original = (p: number, side: 'start' | 'end') => (p < start ? p : p >= endB ? p - (endB - endA) : side === 'start' ? start : endA);
      const nextStart = Math.min(start, original(c.start, 'start'));
      const nextEndA = Math.max(endA, original(c.end, 'end'));
      endB = Math.max(endB, c.end) + delta;
      start = nextStart;
      endA = nextEndA;
    }
  }
  return start < 0 ? null : { start, end: endA, text: text.slice(start, endB) };
}

/**
 * Re-parse after edits, reusing the unchanged parts of the previous tree. The changed region is
 * widened to start at the top-level block before the change: lezer's incremental parse can keep a
 * paragraph that should now continue into the next lines (seen with trailing spaces before a table
 * whose delimiter row was edited; found by fuzzing).
 */
export function reparseTree(previous: Tree, steps: readonly (readonly TextChange[])[], text: string): Tree {
  const change = composeSteps(steps, text);
  if (!change) return markdownParser.parse(lezerText(text), TreeFragment.addTree(previous));
  let from = change.start;
  const cursor = previous.cursor();
  if (cursor.firstChild()) {
    let before = 0;
    do {
      if (cursor.from >= change.start) break;
      before = cursor.from;
    } while (cursor.nextSibling());
    from = Math.min(from, before);
  }
  const widened = { fromA: from, toA: change.end, fromB: from, toB: change.start + change.text.length };
  const fragments = TreeFragment.applyChanges(TreeFragment.addTree(previous), [widened]);
  return markdownParser.parse(lezerText(text), fragments);
}

const INLINE_CONTAINERS: Record<string, ProseBlockKind> = {
  Paragraph: 'paragraph', ATXHeading1: 'heading', ATXHeading2: 'heading', ATXHeading3: 'heading',
  ATXHeading4: 'heading', ATXHeading5: 'heading', ATXHeading6: 'heading', SetextHeading1: 'heading',
  SetextHeading2: 'heading', TableCell: 'table-cell', FootnoteDefinition: 'footnote', Task: 'task',
};

/** Block nodes whose children are themselves blocks. */
const BLOCK_CONTAINERS = new Set(['Document', 'Blockquote', 'BulletList', 'OrderedList', 'ListItem', 'Table', 'TableHeader', 'TableRow']);

/** Inline nodes that end a prose run and never join the runs around them. */
const HARD_BREAKS = new Set([
  'InlineCode', 'HTMLTag', 'URL', 'Autolink', 'Comment', 'InlineMath', 'Image', 'LinkLabel', 'LinkTitle',
  'LinkMark', 'FootnoteReference', 'FootnoteLabel', 'TaskMarker', 'Escape', 'Entity', 'HardBreak',
  'TableDelimiter', 'ProcessingInstruction', 'Emoji',
]);
/** Markup that a term may run across: `*tumor* microenvironment`, block-quote and heading marks. */
const TRANSPARENT = new Set(['EmphasisMark', 'StrikethroughMark', 'QuoteMark', 'HeaderMark', 'ListMark', 'SubscriptMark', 'SuperscriptMark']);

const HEADING_LEVEL = /^(?:ATXHeading|SetextHeading)(\d)$/;
const DIRECTIVE = /<!--\s*oncoterm-(ignore|disable|enable)\b:?([\s\S]*?)-->/g;

/**
 * The structure of one top-level block (a paragraph, a list, a table, ...), in absolute offsets.
 * Computed once and reused while the block is unchanged; `shiftBlockModel` moves it when text
 * before it changes length.
 */
export interface BlockModel extends MarkdownModel {
  from: number;
  to: number;
  type: string;
  /** Link reference definitions `[label]: destination` in this block. */
  references: [string, string][];
  /** Reference links `[text][label]` waiting for a definition anywhere in the document. */
  pending: { link: MarkdownLink; label: string }[];
}

function emptyModel(): MarkdownModel {
  return { blocks: [], links: [], footnoteReferences: [], footnoteDefinitions: [], headings: [], abbrTags: [], directives: [], frontMatterEnd: 0 };
}

/**
 * The model of a chunk of `count` consecutive top-level blocks starting at `start`.
 * `type` names the blocks, so that a chunk is reused only for the same sequence of blocks.
 */
export function chunkModel(text: string, start: SyntaxNode, count: number): BlockModel {
  const cursor = start.cursor();
  const part: BlockModel = { ...emptyModel(), from: cursor.from, to: cursor.to, type: '', references: [], pending: [] };
  const references = new Map<string, string>();
  const types: string[] = [];
  for (let i = 0; i < count; i++) {
    if (i > 0 && !cursor.nextSibling()) break;
    types.push(cursor.name);
    part.to = cursor.to;
    visitBlock(cursor, text, part, references, part.pending);
  }
  part.type = types.join(' ');
  part.references = [...references];
  return part;
}

/** Largest number of top-level blocks in one chunk. */
const MAX_CHUNK = 24;

/**
 * Whether a chunk ends after this top-level block. Decided by the block itself (its type and
 * length), so an edit moves chunk boundaries only next to it: headings close a chunk, and about one
 * block in six does by its length.
 */
export function endsChunk(name: string, from: number, to: number, count: number): boolean {
  return count >= MAX_CHUNK || name.startsWith('ATXHeading') || name.startsWith('SetextHeading') || (Math.imul(to - from, 0x9e3779b1) >>> 29) === 0;
}

/** Visit the top-level blocks in chunks: `visit(startNode, count, from, to, type)` per chunk. */
export function forEachChunk(tree: Tree, visit: (start: SyntaxNode, count: number, from: number, to: number, type: string) => void): void {
  const cursor = tree.cursor();
  if (!cursor.firstChild()) return;
  let start: SyntaxNode | undefined;
  let count = 0;
  let type = '';
  let from = 0;
  do {
    if (!start) {
      start = cursor.node;
      from = cursor.from;
      count = 0;
      type = '';
    }
    count++;
    type = type ? type + ' ' + cursor.name : cursor.name;
    if (endsChunk(cursor.name, cursor.from, cursor.to, count)) {
      visit(start, count, from, cursor.to, type);
      start = undefined;
    }
  } while (cursor.nextSibling());
  if (start) visit(start, count, from, cursor.to, type);
}

/** Join the models of consecutive top-level blocks into the document's model, resolving reference links. */
export function joinBlockModels(parts: readonly BlockModel[]): DocumentModel {
  const model: DocumentModel = { links: [], footnoteReferences: [], footnoteDefinitions: [], headings: [], abbrTags: [], directives: [], frontMatterEnd: 0 };
  const references = new Map<string, string>();
  for (let p = 0; p < parts.length; p++) {
    const refs = parts[p].references;
    for (let i = 0; i < refs.length; i++) if (!references.has(refs[i][0])) references.set(refs[i][0], refs[i][1]);
  }
  for (let p = 0; p < parts.length; p++) {
    const part = parts[p];
    let links = part.links;
    if (part.pending.length) {
      const resolved: MarkdownLink[] = [];
      for (const { link, label } of part.pending) {
        const destination = references.get(normalizeLabel(label));
        link.destination = destination ?? '';
        link.placeholder = false;
        if (destination === undefined) continue;
        link.destination = destination;
        link.placeholder = isPlaceholder(destination);
        resolved.push(link);
      }
      if (resolved.length) links = [...links, ...resolved].sort((a, b) => a.start - b.start);
    }
    for (let i = 0; i < links.length; i++) model.links.push(links[i]);
    if (part.footnoteReferences.length) model.footnoteReferences.push(...part.footnoteReferences);
    if (part.footnoteDefinitions.length) model.footnoteDefinitions.push(...part.footnoteDefinitions);
    if (part.headings.length) model.headings.push(...part.headings);
    if (part.abbrTags.length) model.abbrTags.push(...part.abbrTags);
    if (part.directives.length) model.directives.push(...part.directives);
    if (part.frontMatterEnd) model.frontMatterEnd = part.frontMatterEnd;
  }
  return model;
}

/** Move a block model by `delta` characters (text before it changed length). */
export function shiftBlockModel(part: BlockModel, delta: number): void {
  if (!delta) return;
  const span = (s: { start: number; end: number }) => {
    s.start += delta;
    s.end += delta;
  };
  part.from += delta;
  part.to += delta;
  for (const b of part.blocks) {
    span(b);
    for (const r of b.runs) span(r);
  }
  const link = (l: MarkdownLink) => {
    span(l);
    span(l.text);
    if (l.destinationSpan) span(l.destinationSpan);
  };
  for (const l of part.links) link(l);
  for (const p of part.pending) link(p.link);
  for (const r of part.footnoteReferences) span(r);
  for (const d of part.footnoteDefinitions) {
    span(d);
    d.textStart += delta;
  }
  for (const h of part.headings) span(h);
  for (const a of part.abbrTags) {
    span(a);
    span(a.text);
  }
  for (const d of part.directives) span(d);
  if (part.frontMatterEnd) part.frontMatterEnd += delta;
}

/** The model of every top-level block, in document order. */
export function topLevelBlockModels(text: string, tree: Tree): BlockModel[] {
  const parts: BlockModel[] = [];
  forEachChunk(tree, (start, count) => parts.push(chunkModel(text, start, count)));
  return parts;
}

function walkBlocks(cursor: TreeCursor, text: string, model: MarkdownModel, references: Map<string, string>, pending: { link: MarkdownLink; label: string }[]): void {
  if (!cursor.firstChild()) return;
  do visitBlock(cursor, text, model, references, pending);
  while (cursor.nextSibling());
  cursor.parent();
}

function visitBlock(cursor: TreeCursor, text: string, model: MarkdownModel, references: Map<string, string>, pending: { link: MarkdownLink; label: string }[]): void {
  const name = cursor.name;
  const kind = INLINE_CONTAINERS[name];
  if (kind) {
    collectInline(cursor.node.cursor(), text, kind, model, pending);
    const level = HEADING_LEVEL.exec(name);
    if (level) model.headings.push({ start: cursor.from, end: cursor.to, level: Number(level[1]), text: headingText(text.slice(cursor.from, cursor.to)) });
    if (name === 'FootnoteDefinition') {
      const raw = text.slice(cursor.from, cursor.to);
      const close = raw.indexOf(']:');
      model.footnoteDefinitions.push({ start: cursor.from, end: cursor.to, label: raw.slice(2, close), textStart: cursor.from + close + 2 });
    }
  } else if (BLOCK_CONTAINERS.has(name)) {
    walkBlocks(cursor, text, model, references, pending);
  } else if (name === 'LinkReference') {
    const raw = text.slice(cursor.from, cursor.to);
    const m = /^\[((?:[^\]\\]|\\.)+)\]:\s*<?([^\s>]*)>?/.exec(raw);
    if (m && !references.has(normalizeLabel(m[1]))) references.set(normalizeLabel(m[1]), m[2]);
  } else if (name === 'CommentBlock' || name === 'HTMLBlock') {
    collectDirectives(text, cursor.from, cursor.to, model.directives);
  } else if (name === 'FrontMatter') {
    model.frontMatterEnd = cursor.to;
  }
}

function collectInline(cursor: TreeCursor, text: string, kind: ProseBlockKind, model: MarkdownModel, pending: { link: MarkdownLink; label: string }[]): void {
  const blockStart = cursor.from;
  const blockEnd = cursor.to;
  const runs: ProseRun[] = [];
  let pos = blockStart;
  let join = false;
  let openAbbr: { start: number; textStart: number; title: string } | null = null;
  const emit = (end: number) => {
    if (end > pos) runs.push({ start: pos, end, joinPrevious: join && runs.length > 0 });
  };
  const visit = (): void => {
    if (!cursor.firstChild()) return;
    do {
      const name = cursor.name;
      if (name === 'Link') {
        const link = readLink(cursor, text);
        if (link?.kind === 'reference') pending.push({ link: link.link, label: link.label });
        else if (link) model.links.push(link.link);
        if (link?.kind === 'autolink') {
          emit(cursor.from);
          pos = cursor.to;
          join = false;
          continue;
        }
        visit();
      } else if (HARD_BREAKS.has(name) || TRANSPARENT.has(name)) {
        emit(cursor.from);
        pos = cursor.to;
        join = TRANSPARENT.has(name);
        if (name === 'FootnoteReference') {
          model.footnoteReferences.push({ start: cursor.from, end: cursor.to, label: text.slice(cursor.from + 2, cursor.to - 1) });
        } else if (name === 'HTMLTag') {
          const tag = text.slice(cursor.from, cursor.to);
          const open = /^<abbr\b[^>]*\btitle\s*=\s*(?:"([^"]*)"|'([^']*)')/i.exec(tag);
          if (open) openAbbr = { start: cursor.from, textStart: cursor.to, title: open[1] ?? open[2] };
          else if (/^<\/abbr\s*>$/i.test(tag) && openAbbr) {
            const abbr: AbbrTag = { start: openAbbr.start, end: cursor.to, title: openAbbr.title, text: { start: openAbbr.textStart, end: cursor.from } };
            model.abbrTags.push(abbr);
            openAbbr = null;
          }
        } else if (name === 'Comment') {
          collectDirectives(text, cursor.from, cursor.to, model.directives);
        }
      } else {
        visit();
      }
    } while (cursor.nextSibling());
    cursor.parent();
  };
  visit();
  emit(blockEnd);
  model.blocks.push({ start: blockStart, end: blockEnd, kind, runs });
}

type ReadLink =
  | { kind: 'inline' | 'autolink'; link: MarkdownLink }
  | { kind: 'reference'; link: MarkdownLink; label: string };

function readLink(cursor: TreeCursor, text: string): ReadLink | null {
  const node = cursor.node;
  const marks = node.getChildren('LinkMark');
  const url = node.getChild('URL');
  if (marks.length === 0 && url) {
    const destination = text.slice(url.from, url.to);
    return { kind: 'autolink', link: { start: node.from, end: node.to, text: { start: url.from, end: url.to }, destination, destinationSpan: { start: url.from, end: url.to }, placeholder: false } };
  }
  if (marks.length < 2 || text.charCodeAt(marks[0].from) !== 91) return null;
  const textSpan = { start: marks[0].to, end: marks[1].from };
  if (marks.length >= 3 && text.charCodeAt(marks[2].from) === 40 /* ( */) {
    const destination = url ? text.slice(url.from, url.to).replace(/^<|>$/g, '') : '';
    const destinationSpan = url ? { start: url.from, end: url.to } : { start: marks[2].to, end: marks[2].to };
    return { kind: 'inline', link: { start: node.from, end: node.to, text: textSpan, destination, destinationSpan, placeholder: isPlaceholder(destination) } };
  }
  const label = node.getChild('LinkLabel');
  const labelText = label ? text.slice(label.from + 1, label.to - 1) : text.slice(textSpan.start, textSpan.end);
  return { kind: 'reference', link: { start: node.from, end: node.to, text: textSpan, destination: '', placeholder: false }, label: labelText || text.slice(textSpan.start, textSpan.end) };
}

function collectDirectives(text: string, start: number, end: number, out: Directive[]): void {
  const slice = text.slice(start, end);
  if (!slice.includes('oncoterm-')) return;
  DIRECTIVE.lastIndex = 0;
  for (let m = DIRECTIVE.exec(slice); m; m = DIRECTIVE.exec(slice)) {
    const span = { start: start + m.index, end: start + m.index + m[0].length };
    if (m[1] === 'ignore') out.push({ ...span, kind: 'ignore', terms: m[2].split(',').map((t) => t.trim()).filter(Boolean) });
    else out.push({ ...span, kind: m[1] as 'disable' | 'enable' });
  }
}

function headingText(raw: string): string {
  return raw.replace(/^\s{0,3}#{1,6}\s*/, '').replace(/\s#+\s*$/, '').replace(/\r?\n[=-]+\s*$/, '').trim();
}

export function isPlaceholder(destination: string): boolean {
  const d = destination.trim();
  return d === '' || d === '#';
}

function normalizeLabel(label: string): string {
  return label.trim().replace(/\s+/g, ' ').toLowerCase();
}
