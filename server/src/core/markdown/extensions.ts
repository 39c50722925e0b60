import type { BlockContext, InlineContext, LeafBlock, Line, MarkdownConfig } from '@lezer/markdown';

const DOLLAR = 36;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;
const CARET = 94;

/** Pandoc/GFM footnotes: `text[^note]` references and `[^note]: text` definitions. */
export const Footnotes: MarkdownConfig = {
  defineNodes: ['FootnoteReference', 'FootnoteDefinition', 'FootnoteLabel'],
  parseInline: [{
    name: 'FootnoteReference',
    before: 'Link',
    parse(cx: InlineContext, next: number, pos: number): number {
      if (next !== OPEN_BRACKET || cx.char(pos + 1) !== CARET) return -1;
      for (let i = pos + 2; i < cx.end && i < pos + 200; i++) {
        const c = cx.char(i);
        if (c === CLOSE_BRACKET) {
          if (i === pos + 2 || cx.char(i + 1) === 58 /* : */) return -1;
          return cx.addElement(cx.elt('FootnoteReference', pos, i + 1));
        }
        if (c === 32 || c === 10 || c === 9 || c === OPEN_BRACKET) return -1;
      }
      return -1;
    },
  }],
  parseBlock: [{
    name: 'FootnoteDefinition',
    before: 'LinkReference',
    leaf(_cx: BlockContext, leaf: LeafBlock) {
      const m = /^\[\^[^\]\s]+\]:/.exec(leaf.content);
      if (!m) return null;
      const labelLength = m[0].length;
      return {
        nextLine: () => false,
        finish(cx: BlockContext, block: LeafBlock) {
          const start = block.start;
          cx.addLeafElement(block, cx.elt('FootnoteDefinition', start, start + block.content.length, [
            cx.elt('FootnoteLabel', start, start + labelLength),
            ...cx.parser.parseInline(block.content.slice(labelLength), start + labelLength),
          ]));
          return true;
        },
      };
    },
  }],
};

/** TeX math: `$x$`, `$$x$$` inline and `$$ ... $$` blocks. Never prose. */
export const MathSyntax: MarkdownConfig = {
  defineNodes: ['InlineMath', 'BlockMath'],
  parseInline: [{
    name: 'InlineMath',
    before: 'Escape',
    parse(cx: InlineContext, next: number, pos: number): number {
      if (next !== DOLLAR) return -1;
      const double = cx.char(pos + 1) === DOLLAR;
      const open = double ? 2 : 1;
      const first = cx.char(pos + open);
      if (first === 32 || first === 9 || first === 10 || first === -1 || (!double && first === DOLLAR)) return -1;
      for (let i = pos + open; i < cx.end; i++) {
        const c = cx.char(i);
        if (c === 92 /* \ */) { i++; continue; }
        if (c !== DOLLAR) continue;
        if (double) {
          if (cx.char(i + 1) === DOLLAR) return cx.addElement(cx.elt('InlineMath', pos, i + 2));
          continue;
        }
        const before = cx.char(i - 1);
        const after = cx.char(i + 1);
        if (before === 32 || before === 9 || before === 10) continue;
        if (after >= 48 && after <= 57) return -1;
        return cx.addElement(cx.elt('InlineMath', pos, i + 1));
      }
      return -1;
    },
  }],
  parseBlock: [{
    name: 'BlockMath',
    before: 'FencedCode',
    parse(cx: BlockContext, line: Line): boolean {
      if (line.indent >= 4 || line.next !== DOLLAR || line.text.charCodeAt(line.pos + 1) !== DOLLAR) return false;
      const from = cx.lineStart + line.pos;
      const rest = line.text.slice(line.pos + 2);
      let to = cx.lineStart + line.text.length;
      if (!rest.includes('$$')) {
        while (cx.nextLine()) {
          to = cx.lineStart + line.text.length;
          if (line.text.includes('$$')) break;
        }
      }
      cx.nextLine();
      cx.addElement(cx.elt('BlockMath', from, to));
      return true;
    },
  }],
};

const FRONT_MATTER = /^(---|\+\+\+)[ \t]*\r?\n(?:[\s\S]*?\r?\n)??(---|\.\.\.|\+\+\+)[ \t]*(?:\r?\n|$)/;

/** YAML (`---`) or TOML (`+++`) front matter at the very start of the document. Never prose. */
export const FrontMatter: MarkdownConfig = {
  defineNodes: ['FrontMatter'],
  parseBlock: [{
    name: 'FrontMatter',
    before: 'HorizontalRule',
    parse(cx: BlockContext, line: Line): boolean {
      if (cx.lineStart !== 0 || line.pos !== 0) return false;
      // `input` is public at run time but missing from the type declarations.
      const input = (cx as unknown as { input: { length: number; read(from: number, to: number): string } }).input;
      const head = input.read(0, Math.min(input.length, 200_000));
      const m = FRONT_MATTER.exec(head);
      if (!m || m[1] === '---' && m[2] === '+++' || m[1] === '+++' && m[2] !== '+++') return false;
      const end = m[0].replace(/\r?\n$/, '').length;
      while (cx.lineStart + line.text.length < end && cx.nextLine()) { /* consume the block */ }
      cx.nextLine();
      cx.addElement(cx.elt('FrontMatter', 0, end));
      return true;
    },
  }],
};
