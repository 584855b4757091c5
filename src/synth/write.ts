/**
 * Writers for synthetic reports: plain text, a government-site HTML page (UTF-8 or GBK, modern or
 * table layout) and a DOCX document (optionally with Word automatic numbering for the 一、
 * headings), and {@link writeCorpus}, which writes a whole corpus with its gold readings.
 *
 * Every format carries the same information the gold reading records (title, dates, parts,
 * figures), so one `<name>.gold.json` serves all of them. Site furniture that carries none
 * (navigation, share bar, footer) is added freely.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { encodeGbk, gbkSafe } from './gbk.js';
import { generateCorpus, type SynthReport } from './generate.js';
import type { Block } from './text.js';

export type SynthFormat = 'txt' | 'html' | 'docx';

export interface HtmlOptions {
  encoding?: 'utf-8' | 'gbk';
  layout?: 'modern' | 'table';
}

/** The report text as UTF-8 bytes. */
export function toTxt(report: SynthReport): Uint8Array {
  return new TextEncoder().encode(report.text);
}

const esc = (s: string): string =>
  s.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;').replace(/"/gu, '&quot;');

const title = (r: SynthReport): string => r.doc.blocks.find((b) => b.kind === 'title')?.text ?? '';

function crumbHtml(b: Block): string {
  // "您当前的位置：首页 > 政府信息公开 > …" → label + links
  const m = /^([^：:]*[：:])(.*)$/u.exec(b.text);
  if (!m) return esc(b.text);
  const label = m[1] as string;
  const rest = m[2] as string;
  const sepMatch = /\s*(>|\/|＞)\s*/u.exec(rest);
  if (!sepMatch) return esc(b.text);
  const sep = sepMatch[0];
  const items = rest.split(sep);
  return `${esc(label)}${items
    .map((it, i) =>
      i < items.length - 1
        ? `<a href="${i === 0 ? '/' : `/col${i}/`}">${esc(it)}</a>`
        : `<span>${esc(it)}</span>`,
    )
    .join(esc(sep))}`;
}

function bodyParagraph(b: Block): string {
  if (b.kind === 'signature' || b.kind === 'date') return `<p style="text-align: right;">${esc(b.text)}</p>`;
  if (b.kind === 'heading' && b.level === 1)
    return `<p style="text-indent: 2em;"><strong>${esc(b.text)}</strong></p>`;
  if (b.kind === 'heading') return `<p style="text-indent: 2em;"><b>${esc(b.text)}</b></p>`;
  return `<p style="text-indent: 2em;">${esc(b.text)}</p>`;
}

/** The HTML page as a string (what {@link toHtml} encodes). */
export function renderHtml(report: SynthReport, options: HtmlOptions = {}): string {
  const encoding = options.encoding ?? 'utf-8';
  const layout = options.layout ?? 'modern';
  const d = report.doc;
  const t = title(report);
  const blocks = d.blocks;
  const crumb = blocks.find((b) => b.kind === 'breadcrumb');
  const meta = blocks.filter((b) => b.kind === 'meta');
  const pub = blocks.find((b) => b.kind === 'publine');
  const font = blocks.find((b) => b.kind === 'fontsize');
  const body = blocks.filter((b) => ['para', 'heading', 'signature', 'date'].includes(b.kind));
  const footer = blocks.filter((b) => b.kind === 'footer').map((b) => b.text);
  const footerLines = footer.length > 0 ? footer : [`版权所有：${d.site}`, d.icp];
  const charset =
    encoding === 'gbk'
      ? '<meta http-equiv="Content-Type" content="text/html; charset=gbk">'
      : '<meta charset="utf-8">';
  const head = [
    '<!DOCTYPE html>',
    '<html lang="zh-CN">',
    '<head>',
    charset,
    `<title>${esc(t)}_${esc(d.site)}</title>`,
    `<meta name="SiteName" content="${esc(d.site)}">`,
    '<meta name="ColumnName" content="法治政府建设年度报告">',
    `<meta name="ArticleTitle" content="${esc(t)}">`,
    d.publishedAt ? `<meta name="PubDate" content="${esc(d.publishedAt)}">` : '',
    d.publisher ? `<meta name="ContentSource" content="${esc(d.publisher)}">` : '',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<link rel="stylesheet" href="/static/css/article.css">',
    '</head>',
  ].filter((l) => l !== '');
  const nav = ['首页', '政务公开', '政务服务', '互动交流', '走进本地'];
  const metaRows = meta.flatMap((b) => b.fields ?? []);
  const lines: string[] = [...head, '<body>'];
  if (layout === 'modern') {
    lines.push(
      '<header class="site-header">',
      `<div class="logo">${esc(d.site)}</div>`,
      `<nav><ul>${nav.map((n, i) => `<li><a href="${i === 0 ? '/' : `/${i}/`}">${n}</a></li>`).join('')}</ul></nav>`,
      '</header>',
      '<main class="container">',
    );
    if (crumb) lines.push(`<div class="breadcrumb">${crumbHtml(crumb)}</div>`);
    if (metaRows.length > 0) {
      lines.push('<div class="xxgk-meta"><table>');
      for (let i = 0; i < metaRows.length; i += 2) {
        const cells = metaRows
          .slice(i, i + 2)
          .map(([k, v]) => `<th>${esc(k)}：</th><td>${esc(v)}</td>`)
          .join('');
        lines.push(`<tr>${cells}</tr>`);
      }
      lines.push('</table></div>');
    }
    lines.push('<article>', `<h1 class="article-title">${esc(t)}</h1>`);
    if (pub) lines.push(`<div class="article-info">${esc(pub.text)}</div>`);
    if (font) lines.push(`<div class="font-size">${esc(font.text)}</div>`);
    lines.push('<div class="article-content" id="zoom">');
    for (const b of body) lines.push(bodyParagraph(b));
    lines.push('</div>', '</article>');
    lines.push(
      '<div class="share-bar">分享到：<a href="#">微信</a> <a href="#">微博</a> <a href="#">QQ空间</a>',
      '<a href="javascript:window.print()">打印</a> <a href="javascript:window.close()">关闭</a></div>',
      '</main>',
      `<footer class="site-footer">${footerLines.map((l) => `<p>${esc(l)}</p>`).join('')}</footer>`,
    );
  } else {
    lines.push(
      '<table width="1000" border="0" align="center" cellpadding="0" cellspacing="0">',
      `<tr><td class="top-banner" height="120">${esc(d.site)}</td></tr>`,
      `<tr><td class="nav">${nav.map((n) => `<a href="#">${n}</a>`).join(' | ')}</td></tr>`,
    );
    if (crumb) lines.push(`<tr><td class="position">${crumbHtml(crumb)}</td></tr>`);
    lines.push('<tr><td>');
    if (metaRows.length > 0) {
      lines.push('<table class="xxgk" width="100%" border="1" cellspacing="0">');
      for (let i = 0; i < metaRows.length; i += 2) {
        const cells = metaRows
          .slice(i, i + 2)
          .map(([k, v]) => `<td class="label">${esc(k)}</td><td>${esc(v) || '&nbsp;'}</td>`)
          .join('');
        lines.push(`<tr>${cells}</tr>`);
      }
      lines.push('</table>');
    }
    lines.push('<table width="100%" border="0" cellspacing="0" cellpadding="0">');
    lines.push(`<tr><td class="bt" align="center"><font size="5"><b>${esc(t)}</b></font></td></tr>`);
    if (pub) lines.push(`<tr><td class="sj" align="center">${esc(pub.text)}</td></tr>`);
    if (font) lines.push(`<tr><td align="right">${esc(font.text)}</td></tr>`);
    lines.push('<tr><td class="zw" id="zoom">');
    for (const b of body) lines.push(bodyParagraph(b));
    lines.push('</td></tr>', '</table>', '</td></tr>');
    lines.push(
      '<tr><td align="right">【<a href="javascript:window.print()">打印本页</a>】【<a href="javascript:window.close()">关闭窗口</a>】</td></tr>',
      `<tr><td class="foot" align="center">${footerLines.map(esc).join('<br>')}</td></tr>`,
      '</table>',
    );
  }
  lines.push('</body>', '</html>', '');
  const html = lines.join('\n');
  return encoding === 'gbk' ? gbkSafe(html, (ch) => `&#${ch.codePointAt(0)};`) : html;
}

/** A government-site page holding the report, as bytes in the chosen encoding. */
export function toHtml(report: SynthReport, options: HtmlOptions = {}): Uint8Array {
  const html = renderHtml(report, options);
  return options.encoding === 'gbk' ? encodeGbk(html) : new TextEncoder().encode(html);
}

/** Fixed timestamps make DOCX bytes depend on the report only. */
function pinDocx(bytes: Uint8Array, date: string): Uint8Array {
  const files = unzipSync(bytes);
  const core = files['docProps/core.xml'];
  if (core) {
    const xml = strFromU8(core).replace(
      /(<dcterms:(?:created|modified)[^>]*>)[^<]*(<\/dcterms:(?:created|modified)>)/gu,
      `$1${date}T09:00:00Z$2`,
    );
    files['docProps/core.xml'] = strToU8(xml);
  }
  const mtime = new Date(`${date}T09:00:00Z`);
  return zipSync(files, { level: 6, mtime });
}

/**
 * The report as a Word document: title, the metadata lines a saved page shows, headings as
 * paragraphs, body, right-aligned 落款. When `report.doc.docxNumbering` is set, the top-level
 * headings are numbered by Word (chineseCounting, "%1、") instead of carrying "一、" as text.
 */
export async function toDocx(report: SynthReport): Promise<Uint8Array> {
  const { AlignmentType, Document, LevelFormat, Packer, Paragraph, TextRun } = await import('docx');
  const d = report.doc;
  const numbered = d.docxNumbering;
  const FS = '仿宋_GB2312';
  const children: InstanceType<typeof Paragraph>[] = [];
  for (const b of d.blocks) {
    switch (b.kind) {
      case 'breadcrumb':
      case 'fontsize':
      case 'footer':
        break; // page furniture: not in a document
      case 'title':
        children.push(
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { after: 240 },
            children: [new TextRun({ text: b.text, bold: true, size: 44, font: '方正小标宋简体' })],
          }),
        );
        break;
      case 'meta':
      case 'publine':
        children.push(new Paragraph({ children: [new TextRun({ text: b.text, size: 24, font: FS })] }));
        break;
      case 'heading':
        if (b.level === 1 && numbered && b.marker) {
          children.push(
            new Paragraph({
              numbering: { reference: 'cn-top', level: 0 },
              children: [new TextRun({ text: b.text.slice(b.marker.length), size: 32, font: '黑体' })],
            }),
          );
        } else {
          children.push(
            new Paragraph({
              indent: { firstLine: 640 },
              children: [
                new TextRun({ text: b.text, size: 32, font: b.level === 1 ? '黑体' : '楷体_GB2312' }),
              ],
            }),
          );
        }
        break;
      case 'signature':
      case 'date':
        children.push(
          new Paragraph({
            alignment: AlignmentType.RIGHT,
            children: [new TextRun({ text: b.text.trim(), size: 32, font: FS })],
          }),
        );
        break;
      default:
        children.push(
          new Paragraph({
            indent: { firstLine: 640 },
            children: [new TextRun({ text: b.text, size: 32, font: FS })],
          }),
        );
    }
  }
  const doc = new Document({
    creator: d.publisher ?? d.site,
    title: title(report),
    description: 'synthetic report (fazhi)',
    numbering: {
      config: [
        {
          reference: 'cn-top',
          levels: [
            {
              level: 0,
              format: LevelFormat.CHINESE_COUNTING,
              text: '%1、',
              alignment: AlignmentType.LEFT,
              style: { paragraph: { indent: { firstLine: 640 } } },
            },
          ],
        },
      ],
    },
    sections: [{ children }],
  });
  const buffer = await Packer.toBuffer(doc);
  const date =
    report.gold.meta.signed ?? report.gold.meta.published ?? `${(report.gold.meta.year ?? 2000) + 1}-01-15`;
  return pinDocx(new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength), date);
}

export interface WriteCorpusOptions {
  count: number;
  seed: number;
  formats: SynthFormat[];
}

/**
 * Write `count` synthetic reports to `dir`: `<name>.<ext>` for each format, `<name>.gold.json`
 * (the gold reading; its `source` names the first format, txt when present) and
 * `<name>.defects.json` (injected defects and the arithmetic relations the text states).
 */
export async function writeCorpus(
  dir: string,
  options: WriteCorpusOptions,
): Promise<{ files: number; bytes: number }> {
  await mkdir(dir, { recursive: true });
  const formats = options.formats.length > 0 ? options.formats : (['txt'] as SynthFormat[]);
  const primary = formats.includes('txt') ? 'txt' : (formats[0] as SynthFormat);
  let files = 0;
  let bytes = 0;
  const put = async (name: string, data: Uint8Array | string): Promise<void> => {
    const b = typeof data === 'string' ? new TextEncoder().encode(data) : data;
    await writeFile(join(dir, name), b);
    files++;
    bytes += b.byteLength;
  };
  for (const report of generateCorpus(options.count, options.seed)) {
    for (const f of formats) {
      if (f === 'txt') await put(`${report.name}.txt`, toTxt(report));
      else if (f === 'html') await put(`${report.name}.html`, toHtml(report, report.doc.html));
      else await put(`${report.name}.docx`, await toDocx(report));
    }
    const gold = { ...report.gold, source: `${report.name}.${primary}` };
    await put(`${report.name}.gold.json`, `${JSON.stringify(gold, null, 2)}\n`);
    await put(
      `${report.name}.defects.json`,
      `${JSON.stringify({ defects: report.defects, relations: report.relations }, null, 2)}\n`,
    );
  }
  return { files, bytes };
}
