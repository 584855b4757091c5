/**
 * Text assembly with offsets: paragraphs are built from plain strings and figure sentences, then
 * written line by line into the report text; figures, relations and defects get absolute spans.
 */
import type { Span } from '../core/types.js';
import type { DefectKind } from './catalogue.js';
import type { FigIndicator, FigRelation, Figure } from './figures.js';

export type BlockKind =
  | 'breadcrumb'
  | 'fontsize'
  | 'meta'
  | 'title'
  | 'publine'
  | 'para'
  | 'heading'
  | 'signature'
  | 'date'
  | 'footer';

/** One line of the report, as the writers (HTML, DOCX) need it. */
export interface Block {
  kind: BlockKind;
  text: string;
  /** Span of `text` in the report text (indentation excluded). */
  span: Span;
  /** Heading depth: 1 for 一、, 2 for （一）. */
  level?: number;
  /** The numbering marker of a heading as written ("一、"). */
  marker?: string;
  /** Label/value pairs of a metadata line. */
  fields?: [string, string][];
}

export interface PlacedIndicator extends FigIndicator {
  /** Absolute offset of the quote in the report text. */
  pos: number;
}

export interface PlacedRelation {
  rel: FigRelation;
  /** Offsets (pos) of the indicators of the figure, to remap local indices later. */
  ids: number[];
  broken: boolean;
}

export interface PlacedDefect {
  kind: DefectKind;
  span: Span;
  note: string;
}

/** A paragraph under construction. */
export class Para {
  text = '';
  readonly figs: { fig: Figure; at: number }[] = [];
  readonly marks: { kind: DefectKind; start: number; end: number; note: string }[] = [];

  add(s: string): this {
    this.text += s;
    return this;
  }

  /** Append a figure sentence (without its closing punctuation). */
  fig(fig: Figure): this {
    this.figs.push({ fig, at: this.text.length });
    this.text += fig.text;
    return this;
  }

  /** Append `s` and mark it as a defect. */
  defect(kind: DefectKind, s: string, note: string, inner?: { start: number; end: number }): this {
    const at = this.text.length;
    this.text += s;
    const start = at + (inner?.start ?? 0);
    const end = inner ? at + inner.end : this.text.length;
    this.marks.push({ kind, start, end, note });
    return this;
  }

  get empty(): boolean {
    return this.text.length === 0;
  }
}

/** The report text being written, with everything that points into it. */
export class Out {
  private readonly chunks: string[] = [];
  length = 0;
  readonly blocks: Block[] = [];
  readonly indicators: PlacedIndicator[] = [];
  readonly relations: PlacedRelation[] = [];
  readonly defects: PlacedDefect[] = [];

  private raw(s: string): void {
    this.chunks.push(s);
    this.length += s.length;
  }

  /** Write one line: indentation, text, newline. Returns the offset of the text. */
  line(kind: BlockKind, text: string, indent = '', extra: Partial<Block> = {}): number {
    this.raw(indent);
    const start = this.length;
    this.raw(text);
    this.raw('\n');
    this.blocks.push({ kind, text, span: { start, end: start + text.length }, ...extra });
    return start;
  }

  blank(): void {
    this.raw('\n');
  }

  /** Write a paragraph and place its figures and defect marks. */
  para(p: Para, indent: string, kind: BlockKind = 'para', extra: Partial<Block> = {}): number {
    const start = this.line(kind, p.text, indent, extra);
    for (const { fig, at } of p.figs) {
      const base = start + at;
      const ids: number[] = [];
      for (const ind of fig.inds) {
        const pos = base + ind.at;
        this.indicators.push({ ...ind, pos });
        ids.push(pos);
      }
      for (const rel of fig.rels) this.relations.push({ rel, ids, broken: fig.broken });
      for (const d of fig.defects) {
        this.defects.push({ kind: d.kind, span: { start: base + d.start, end: base + d.end }, note: d.note });
      }
    }
    for (const m of p.marks) {
      this.defects.push({ kind: m.kind, span: { start: start + m.start, end: start + m.end }, note: m.note });
    }
    return start;
  }

  defect(kind: DefectKind, span: Span, note: string): void {
    this.defects.push({ kind, span, note });
  }

  toString(): string {
    return this.chunks.join('');
  }
}

const HALF: Record<string, string> = {
  '，': ',',
  '（': '(',
  '）': ')',
  '：': ':',
  '；': ';',
  '！': '!',
  '？': '?',
};

/** Half-width ASCII punctuation, one character for one (offsets do not move). */
export function toHalfPunct(s: string): string {
  return s.replace(/[，（）：；！？]/gu, (c) => HALF[c] ?? c);
}

/** Fill {placeholders} from a dictionary; unknown ones stay as they are. */
export function fill(template: string, vars: Readonly<Record<string, string>>): string {
  return template.replace(/\{([A-Za-z0-9_]+)\}/gu, (m, k: string) => vars[k] ?? m);
}
