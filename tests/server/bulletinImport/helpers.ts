import path from 'node:path';
import { fileURLToPath } from 'node:url';
import JSZip from 'jszip';
import { blockText } from '../../../server/src/bulletinImport/dryRun';
import type { BulletinArticle } from '../../../server/src/bulletinImport/types';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
/** The sample issues, as copied verbatim from `../shared/seeds` into the repository for the demo data. */
export const seedsDir = path.resolve(repoRoot, 'server', 'src', 'seed', 'bulletins');
export const fixturesDir = path.resolve(repoRoot, 'tests', 'fixtures', 'bulletin');

export const seed = (name: string) => path.join(seedsDir, name);
export const fixture = (name: string) => path.join(fixturesDir, name);

/** Block kinds of an article as a string: p = paragraph, h = heading, l = list item. */
export function shape(article: BulletinArticle): string {
  return article.blocks.map((block) => ({ paragraph: 'p', heading: 'h', listItem: 'l' })[block.type]).join('');
}

export function texts(article: BulletinArticle): string[] {
  return article.blocks.map(blockText);
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function runXml(text: string, bold: boolean): string {
  const properties = bold ? '<w:rPr><w:b/></w:rPr>' : '';
  return `<w:r>${properties}<w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r>`;
}

/**
 * Body text as offices set it: the first line indented by two characters. Left-aligned, not
 * justified: LibreOffice's PDF export of justified Chinese text sometimes leaves a comma that hangs
 * past the margin out of the text layer, which no reader could recover.
 */
const BODY_PARAGRAPH = '<w:pPr><w:ind w:firstLineChars="200" w:firstLine="420"/></w:pPr>';

/**
 * A minimal Word document, one paragraph per line; `**…**` become bold runs. With `bodyStyle`,
 * lines longer than 40 characters are set as body text (first line indented), as a printed issue is.
 */
export async function buildDocx(lines: readonly string[], options: { bodyStyle?: boolean } = {}): Promise<Buffer> {
  const body = lines
    .map((line) => {
      const runs = line.split('**').map((part, index) => (part === '' ? '' : runXml(part, index % 2 === 1)));
      const bookmark = '<w:bookmarkStart w:id="0" w:name="_GoBack"/><w:bookmarkEnd w:id="0"/>';
      const properties = options.bodyStyle && line.length > 40 ? BODY_PARAGRAPH : '';
      return `<w:p>${properties}${runs.join('')}${line.includes('☆') ? bookmark : ''}</w:p>`;
    })
    .join('');
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
      '</Types>',
  );
  zip.file(
    '_rels/.rels',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>' +
      '</Relationships>',
  );
  zip.file(
    'word/document.xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
      '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
      `<w:body>${body}</w:body></w:document>`,
  );
  return zip.generateAsync({ type: 'nodebuffer' });
}
