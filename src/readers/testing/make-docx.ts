/**
 * Test helper, not shipped API: a minimal DOCX package from raw WordprocessingML, for numbering
 * and markup cases the `docx` writer does not produce (style-linked lists, overrides, text boxes).
 */
import { strToU8, zipSync } from 'fflate';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

export interface DocxParts {
  /** Children of w:body. */
  body: string;
  /** Children of w:styles. */
  styles?: string;
  /** Children of w:numbering. */
  numbering?: string;
  /** dc:title of docProps/core.xml. */
  title?: string;
}

/** Zip the parts into a DOCX package. */
export function makeDocx(parts: DocxParts): Uint8Array {
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    ),
    '_rels/.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    ),
    'word/document.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="${W}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><w:body>${parts.body}</w:body></w:document>`,
    ),
  };
  if (parts.styles !== undefined) {
    files['word/styles.xml'] = strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><w:styles xmlns:w="${W}">${parts.styles}</w:styles>`,
    );
  }
  if (parts.numbering !== undefined) {
    files['word/numbering.xml'] = strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><w:numbering xmlns:w="${W}">${parts.numbering}</w:numbering>`,
    );
  }
  if (parts.title !== undefined) {
    files['docProps/core.xml'] = strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"><dc:title>${parts.title}</dc:title><dcterms:created>2024-01-30T08:00:00Z</dcterms:created></cp:coreProperties>`,
    );
  }
  return zipSync(files);
}

/** A paragraph with optional style and numbering. */
export function p(text: string, options: { style?: string; numId?: number; ilvl?: number } = {}): string {
  const numPr =
    options.numId === undefined
      ? ''
      : `<w:numPr>${options.ilvl === undefined ? '' : `<w:ilvl w:val="${options.ilvl}"/>`}<w:numId w:val="${options.numId}"/></w:numPr>`;
  const style = options.style ? `<w:pStyle w:val="${options.style}"/>` : '';
  const pPr = style || numPr ? `<w:pPr>${style}${numPr}</w:pPr>` : '';
  return `<w:p>${pPr}<w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
}

/** A list level definition. */
export function lvl(ilvl: number, numFmt: string, text: string, extra = ''): string {
  return `<w:lvl w:ilvl="${ilvl}"><w:start w:val="1"/><w:numFmt w:val="${numFmt}"/><w:lvlText w:val="${text}"/>${extra}</w:lvl>`;
}
