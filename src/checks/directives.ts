/**
 * Inline directives a reviewer writes into a report to silence findings, ESLint style:
 *
 *   fazhi-disable-next-line text/template-residue -- 该段为引用的原文
 *   fazhi-disable content/off-scope            … until fazhi-enable (or the end)
 *   fazhi-enable content/off-scope
 *   fazhi-disable-file publication/late
 *   …一段文字 <!-- fazhi-disable-line text/garbled-date -->
 *
 * In a TXT (or DOCX/PDF) report a directive is a line of its own, optionally wrapped in
 * `<!-- -->`, `//` or `#`, or an `<!-- fazhi-… -->` comment inside a line. Without rule ids it
 * applies to every rule; ` -- ` starts a free-text reason. In an HTML page the directive is an
 * HTML comment, which the reader drops from the text: {@link htmlDirectives} anchors it to the
 * visible text next to it (the text after the comment; for `disable-line`, the text before).
 * A finding is silenced when its span starts inside the directive's range.
 */
import { normalize } from '../core/normalize.js';
import type { Span } from '../core/types.js';
import type { Finding } from './types.js';

export type DirectiveKind = 'disable' | 'enable' | 'disable-line' | 'disable-next-line' | 'disable-file';

export interface Directive {
  kind: DirectiveKind;
  /** Rule ids, or null for every rule. */
  rules: string[] | null;
  /** Where the directive is written in `Report.text`; null for an HTML comment. */
  span: Span | null;
  /**
   * What it applies to: the line for `disable-line`/`disable-next-line`, the whole text for
   * `disable-file`, and for `disable`/`enable` the point where it takes effect (start = end).
   */
  target: Span;
  source: 'text' | 'html';
  /** The directive as written. */
  raw: string;
}

/** A directive that could not be used (an HTML comment whose text was not found). */
export interface DirectiveProblem {
  raw: string;
  message: string;
}

const KIND = '(disable-next-line|disable-line|disable-file|disable|enable)';
const WHOLE_LINE = new RegExp(
  `^\\s*(?:<!--|//|#)?\\s*fazhi-${KIND}(?![\\w-])([^\\n]*?)\\s*(?:-->)?\\s*$`,
  'u',
);
const IN_COMMENT = new RegExp(`<!--\\s*fazhi-${KIND}(?![\\w-])([\\s\\S]*?)-->`, 'gu');

/** Rule ids of a directive's argument text; null for all rules. */
export function parseRuleList(args: string): string[] | null {
  const list = args.split(/\s--\s|\s--$/u)[0] ?? '';
  const ids = list
    .split(/[\s,，]+/u)
    .map((s) => s.trim())
    .filter((s) => s !== '' && s !== '-->');
  return ids.length > 0 ? ids : null;
}

function lineSpansOf(text: string): Span[] {
  const spans: Span[] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || text[i] === '\n') {
      spans.push({ start, end: i });
      start = i + 1;
    }
  }
  return spans;
}

function targetFor(
  kind: DirectiveKind,
  lines: Span[],
  lineIndex: number,
  at: number,
  textLength: number,
  isDirectiveLine: (i: number) => boolean,
): Span | null {
  switch (kind) {
    case 'disable-file':
      return { start: 0, end: textLength };
    case 'disable-line':
      return lines[lineIndex] ?? null;
    case 'disable-next-line': {
      for (let i = lineIndex + 1; i < lines.length; i++) {
        const l = lines[i] as Span;
        if (l.end > l.start && !isDirectiveLine(i)) return l;
      }
      return null;
    }
    default:
      return { start: at, end: at };
  }
}

/** Directives written in a report's text. */
export function parseDirectives(text: string): Directive[] {
  if (!text.includes('fazhi-')) return [];
  const lines = lineSpansOf(text);
  const whole = lines.map((l) => WHOLE_LINE.exec(text.slice(l.start, l.end)));
  const out: Directive[] = [];
  lines.forEach((line, i) => {
    const lineText = text.slice(line.start, line.end);
    const m = whole[i];
    const found: { kind: DirectiveKind; args: string; span: Span; raw: string }[] = [];
    if (m) {
      found.push({ kind: m[1] as DirectiveKind, args: m[2] ?? '', span: line, raw: lineText.trim() });
    } else if (lineText.includes('fazhi-')) {
      for (const c of lineText.matchAll(IN_COMMENT)) {
        const start = line.start + c.index;
        found.push({
          kind: c[1] as DirectiveKind,
          args: c[2] ?? '',
          span: { start, end: start + c[0].length },
          raw: c[0],
        });
      }
    }
    for (const f of found) {
      const at = f.kind === 'disable' || f.kind === 'enable' ? f.span.end : f.span.start;
      const target = targetFor(f.kind, lines, i, at, text.length, (j) => whole[j] !== null);
      if (!target) continue;
      out.push({
        kind: f.kind,
        rules: parseRuleList(f.args),
        span: f.span,
        target,
        source: 'text',
        raw: f.raw,
      });
    }
  });
  return out;
}

const ENTITIES: Record<string, string> = { nbsp: ' ', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Visible text of an HTML fragment: tags, scripts, styles and comments removed, entities decoded. */
export function visibleText(html: string): string {
  return html
    .replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/giu, ' ')
    .replace(/<!--[\s\S]*?-->/gu, ' ')
    .replace(/<[^>]*>/gu, ' ')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/giu, (whole, name: string) => {
      if (name.startsWith('#x') || name.startsWith('#X'))
        return String.fromCodePoint(Number.parseInt(name.slice(2), 16));
      if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)));
      return ENTITIES[name.toLowerCase()] ?? whole;
    });
}

/** The text without white space, with the offset of each kept character. */
function compact(text: string): { chars: string; offsets: number[] } {
  let chars = '';
  const offsets: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (/\s/u.test(ch)) continue;
    chars += ch;
    offsets.push(i);
  }
  return { chars, offsets };
}

const ANCHOR_LENGTH = 16;
const MIN_ANCHOR = 4;

/**
 * Directives written as HTML comments in a page, anchored in `reportText` (the normalized text
 * the checks ran on).
 */
export function htmlDirectives(
  html: string,
  reportText: string,
): { directives: Directive[]; problems: DirectiveProblem[] } {
  const directives: Directive[] = [];
  const problems: DirectiveProblem[] = [];
  if (!html.includes('fazhi-')) return { directives, problems };
  const report = compact(reportText);
  const lines = lineSpansOf(reportText);
  const lineAt = (offset: number): number => lines.findIndex((l) => l.start <= offset && offset <= l.end);
  const find = (fragment: string, fromEnd: boolean): number => {
    const visible = compact(normalize(visibleText(fragment)).text).chars;
    const anchor = fromEnd ? visible.slice(-ANCHOR_LENGTH) : visible.slice(0, ANCHOR_LENGTH);
    if (anchor.length < MIN_ANCHOR) return -1;
    const at = report.chars.indexOf(anchor);
    if (at < 0) return -1;
    return report.offsets[fromEnd ? at + anchor.length - 1 : at] as number;
  };
  for (const c of html.matchAll(IN_COMMENT)) {
    const kind = c[1] as DirectiveKind;
    const rules = parseRuleList(c[2] ?? '');
    const raw = c[0].replace(/\s+/gu, ' ');
    if (kind === 'disable-file') {
      directives.push({
        kind,
        rules,
        span: null,
        target: { start: 0, end: reportText.length },
        source: 'html',
        raw,
      });
      continue;
    }
    const after = c.index + c[0].length;
    const offset =
      kind === 'disable-line'
        ? find(html.slice(Math.max(0, c.index - 2000), c.index), true)
        : find(html.slice(after, after + 4000), false);
    if (offset < 0) {
      problems.push({ raw, message: 'the text next to the comment was not found in the report text' });
      continue;
    }
    const line = lines[lineAt(offset)] as Span;
    const target = kind === 'disable' || kind === 'enable' ? { start: line.start, end: line.start } : line;
    directives.push({ kind, rules, span: null, target, source: 'html', raw });
  }
  return { directives, problems };
}

function applies(d: Directive, ruleId: string): boolean {
  return d.rules === null || d.rules.includes(ruleId);
}

/** The directive that silences `finding`, or null. */
export function silencedBy(
  finding: Pick<Finding, 'ruleId' | 'span'>,
  directives: Directive[],
): Directive | null {
  const pos = finding.span.start;
  for (const d of directives) {
    if (d.kind === 'disable' || d.kind === 'enable') continue;
    if (!applies(d, finding.ruleId)) continue;
    if (d.kind === 'disable-file') return d;
    if (d.target.start <= pos && pos < Math.max(d.target.end, d.target.start + 1)) return d;
  }
  // Blocks: the last disable/enable before the finding decides.
  let active: Directive | null = null;
  const blocks = directives
    .filter((d) => (d.kind === 'disable' || d.kind === 'enable') && applies(d, finding.ruleId))
    .sort((a, b) => a.target.start - b.target.start);
  for (const d of blocks) {
    if (d.target.start > pos) break;
    active = d.kind === 'disable' ? d : null;
  }
  return active;
}

/** Whether `span` lies inside a directive written in the text (findings there are not about the report). */
export function insideDirective(span: Span, directives: Directive[]): boolean {
  return directives.some((d) => d.span !== null && d.span.start <= span.start && span.start < d.span.end);
}
