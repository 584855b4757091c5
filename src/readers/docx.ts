/**
 * DOCX reader: the paragraphs of the main document part in order, with Word's automatic
 * numbering rendered in front of them, tables row by row. Text boxes, headers, footers and
 * footnotes are left out: report text lives in the body.
 */
import { unzipSync } from 'fflate';
import type { RawDocument, SourceHints } from '../core/types.js';
import { InputError } from '../errors.js';
import { Numberer, parseNumbering, parseNumPr, parseStyles } from './docx-numbering.js';
import { attr, childElements, firstChild, local, parseXml, textOf, type XmlElement } from './xml.js';

const RELS = '_rels/.rels';
const DEFAULT_MAIN = 'word/document.xml';
const OFFICE_DOCUMENT = /\/officeDocument$/;

/** Largest unpacked XML part read; a 20 MiB package that unpacks to more is a zip bomb. */
const MAX_PART_BYTES = 100 * 1024 * 1024;

function unzip(bytes: Uint8Array, wanted: (name: string) => boolean): Record<string, Uint8Array> {
  let oversized: string | null = null;
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter: (file) => {
        if (!wanted(file.name)) return false;
        if (file.originalSize > MAX_PART_BYTES) {
          oversized = file.name;
          return false;
        }
        return true;
      },
    });
  } catch (error) {
    throw new InputError('corrupt', `damaged or truncated DOCX (${(error as Error).message})`, {
      cause: error,
    });
  }
  if (oversized) {
    throw new InputError('too-large', `${oversized} unpacks to over ${MAX_PART_BYTES / 1024 / 1024} MB`);
  }
  return files;
}

function parsePart(files: Record<string, Uint8Array>, path: string): XmlElement | null {
  const data = files[path];
  if (!data) return null;
  try {
    return parseXml(new TextDecoder('utf-8').decode(data));
  } catch (error) {
    throw new InputError('corrupt', `damaged DOCX: ${path} is not well-formed XML`, { cause: error });
  }
}

/** The main document part named by the package relationships (word/document.xml almost always). */
function mainPartPath(rels: XmlElement | null): string {
  for (const rel of rels ? childElements(rels, 'Relationship') : []) {
    const target = attr(rel, 'Target');
    if (target && OFFICE_DOCUMENT.test(attr(rel, 'Type') ?? '')) return target.replace(/^\/+/, '');
  }
  return DEFAULT_MAIN;
}

/** Collects lines; tables put a row on one line with cells joined by a tab. */
interface Sink {
  paragraph(text: string): void;
}

class Body {
  constructor(private readonly numberer: Numberer) {}

  /** Walk block-level content (body, table cell, content control) in document order. */
  blocks(el: XmlElement, sink: Sink): void {
    for (const child of childElements(el)) {
      switch (local(child.name)) {
        case 'p':
          sink.paragraph(this.paragraph(child));
          break;
        case 'tbl':
          this.table(child, sink);
          break;
        case 'sdt':
          this.blocks(firstChild(child, 'sdtContent') ?? child, sink);
          break;
        case 'customXml':
        case 'ins':
        case 'moveTo':
          this.blocks(child, sink);
          break;
        default:
          // sectPr, bookmarks, deleted blocks (del, moveFrom), altChunk: no body text.
          break;
      }
    }
  }

  private table(tbl: XmlElement, sink: Sink): void {
    for (const tr of childElements(tbl, 'tr')) {
      const cells: string[] = [];
      for (const tc of childElements(tr, 'tc')) {
        const lines: string[] = [];
        this.blocks(tc, { paragraph: (t) => lines.push(...t.split('\n').filter((l) => l.trim() !== '')) });
        cells.push(lines.join(' '));
      }
      if (cells.some((c) => c.trim() !== '')) sink.paragraph(cells.join('\t'));
    }
  }

  private paragraph(p: XmlElement): string {
    const pPr = firstChild(p, 'pPr');
    const style = attr(firstChild(pPr, 'pStyle'), 'val');
    const label = this.numberer.label(parseNumPr(firstChild(pPr, 'numPr')), style);
    const text = this.inline(p);
    // A numbered paragraph with no text still advances its list, but shows nothing worth a line.
    return text.trim() === '' ? '' : label + text;
  }

  /** Text of runs and the inline containers around them. */
  private inline(el: XmlElement): string {
    let out = '';
    for (const child of childElements(el)) {
      switch (local(child.name)) {
        case 'r':
          out += this.run(child);
          break;
        case 'hyperlink':
        case 'ins':
        case 'moveTo':
        case 'smartTag':
        case 'customXml':
        case 'fldSimple':
        case 'bdo':
        case 'dir':
          out += this.inline(child);
          break;
        case 'sdt':
          out += this.inline(firstChild(child, 'sdtContent') ?? child);
          break;
        default:
          // pPr, deleted text (del, moveFrom), bookmarks, comments, math: nothing to show.
          break;
      }
    }
    return out;
  }

  private run(r: XmlElement): string {
    const rPr = firstChild(r, 'rPr');
    const vanish = firstChild(rPr, 'vanish');
    if (vanish && attr(vanish, 'val') !== 'false' && attr(vanish, 'val') !== '0') return '';
    let out = '';
    for (const child of childElements(r)) {
      switch (local(child.name)) {
        case 't':
          out += textOf(child);
          break;
        case 'tab':
          out += '\t';
          break;
        case 'br': {
          // Page and column breaks do not end a paragraph; a line break does.
          const type = attr(child, 'type');
          if (type !== 'page' && type !== 'column') out += '\n';
          break;
        }
        case 'cr':
          out += '\n';
          break;
        case 'noBreakHyphen':
          out += '-';
          break;
        default:
          // rPr, sym (symbol-font glyphs), drawings and text boxes, field codes, deleted text.
          break;
      }
    }
    return out;
  }
}

/** Hints from docProps/core.xml. Only the title has a place; created/modified are not publication dates. */
function coreHints(core: XmlElement | null): SourceHints {
  const hints: SourceHints = {};
  const title = core ? firstChild(core, 'title') : undefined;
  const value = title ? textOf(title).trim() : '';
  if (value) hints.title = value;
  return hints;
}

/**
 * Read a DOCX file.
 *
 * @example
 * readDocx(bytes).text // '某县2023年度法治政府建设情况报告\n一、主要工作\n（一）加强组织领导…'
 */
export function readDocx(bytes: Uint8Array): RawDocument {
  const rels = parsePart(
    unzip(bytes, (name) => name === RELS),
    RELS,
  );
  const main = mainPartPath(rels);
  const files = unzip(bytes, (name) =>
    [main, 'word/styles.xml', 'word/numbering.xml', 'docProps/core.xml'].includes(name),
  );
  const document = parsePart(files, main);
  if (!document) throw new InputError('corrupt', `not a Word document: ${main} is missing`);
  const body = firstChild(document, 'body');
  if (!body) throw new InputError('corrupt', `damaged DOCX: ${main} has no body`);

  const numberer = new Numberer(
    parseNumbering(parsePart(files, 'word/numbering.xml')),
    parseStyles(parsePart(files, 'word/styles.xml')),
  );
  const lines: string[] = [];
  new Body(numberer).blocks(body, { paragraph: (t) => lines.push(...t.split('\n')) });
  const text = lines.filter((l) => l.trim() !== '').join('\n');
  let core: XmlElement | null = null;
  try {
    core = parsePart(files, 'docProps/core.xml');
  } catch {
    // Properties are optional decoration; damaged ones do not make the document unreadable.
  }
  return { format: 'docx', text, hints: coreHints(core), warnings: [] };
}
