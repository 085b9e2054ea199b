import { crc32, createDeflateRaw } from 'node:zlib';

/**
 * Zip bombs for the upload tests, built without ever holding the inflated content: a part is a
 * prefix, a piece repeated many times and a suffix, deflated as a stream. A part may also lie
 * about its size in the zip directory, as hostile archives do.
 */
export interface BombPart {
  name: string;
  prefix?: string;
  repeat?: { piece: string; times: number };
  suffix?: string;
  /** The size the zip directory claims; the true size when left out. */
  declaredSize?: number;
}

async function deflatePart(part: BombPart): Promise<{ data: Buffer; size: number; crc: number }> {
  const deflate = createDeflateRaw({ level: 9 });
  const chunks: Buffer[] = [];
  deflate.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<void>((resolve, reject) => {
    deflate.on('end', resolve);
    deflate.on('error', reject);
  });
  let size = 0;
  let crc = 0;
  const write = async (text: string) => {
    const bytes = Buffer.from(text);
    size += bytes.length;
    crc = crc32(bytes, crc);
    if (!deflate.write(bytes)) await new Promise((resolve) => deflate.once('drain', resolve));
  };
  if (part.prefix) await write(part.prefix);
  if (part.repeat) {
    // Write the piece in blocks of about 1 MB, so millions of repetitions stay cheap.
    const per = Math.max(1, Math.floor((1 << 20) / Buffer.byteLength(part.repeat.piece)));
    const block = part.repeat.piece.repeat(per);
    let left = part.repeat.times;
    for (; left >= per; left -= per) await write(block);
    if (left > 0) await write(part.repeat.piece.repeat(left));
  }
  if (part.suffix) await write(part.suffix);
  deflate.end();
  await finished;
  return { data: Buffer.concat(chunks), size, crc };
}

/** A zip archive of the parts, deflated. */
export async function buildZip(parts: BombPart[]): Promise<Buffer> {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const { data, size, crc } = await deflatePart(part);
    const name = Buffer.from(part.name);
    const declared = part.declaredSize ?? size;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc >>> 0, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(declared, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc >>> 0, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(declared, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, data);
    centrals.push(central, name);
    offset += local.length + name.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const CONTENT_TYPES_XLSX =
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
  '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
  '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
  '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>';
const ROOT_RELS_XLSX =
  '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>';
const WORKBOOK =
  '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
  '<sheets><sheet name="名册" sheetId="1" r:id="rId1"/></sheets></workbook>';
const WORKBOOK_RELS =
  '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>' +
  '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>';
const SHEET_OPEN =
  '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
const SHEET_CLOSE = '</sheetData></worksheet>';
const STRINGS_OPEN = '<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">';

function xlsx(sheet: BombPart, strings: BombPart): Promise<Buffer> {
  return buildZip([
    { name: '[Content_Types].xml', prefix: CONTENT_TYPES_XLSX },
    { name: '_rels/.rels', prefix: ROOT_RELS_XLSX },
    { name: 'xl/workbook.xml', prefix: WORKBOOK },
    { name: 'xl/_rels/workbook.xml.rels', prefix: WORKBOOK_RELS },
    sheet,
    strings,
  ]);
}

/** A workbook whose shared strings inflate to about `megabytes` MB. */
export function xlsxSharedStringsBomb(megabytes: number, options: { lie?: boolean } = {}): Promise<Buffer> {
  const piece = '<si><t>党员党员党员党员</t></si>';
  const times = Math.ceil((megabytes * 1024 * 1024) / Buffer.byteLength(piece));
  return xlsx(
    { name: 'xl/worksheets/sheet1.xml', prefix: `${SHEET_OPEN}<row r="1"><c r="A1" t="s"><v>0</v></c></row>${SHEET_CLOSE}` },
    {
      name: 'xl/sharedStrings.xml',
      prefix: STRINGS_OPEN,
      repeat: { piece, times },
      suffix: '</sst>',
      declaredSize: options.lie ? 1000 : undefined,
    },
  );
}

/** A workbook of `rows` rows. */
export function xlsxRowsBomb(rows: number, options: { lie?: boolean } = {}): Promise<Buffer> {
  return xlsx(
    {
      name: 'xl/worksheets/sheet1.xml',
      prefix: SHEET_OPEN,
      repeat: { piece: '<row r="2"><c r="A2" t="s"><v>0</v></c><c r="B2"><v>13800000000</v></c></row>', times: rows },
      suffix: SHEET_CLOSE,
      declaredSize: options.lie ? 1000 : undefined,
    },
    { name: 'xl/sharedStrings.xml', prefix: `${STRINGS_OPEN}<si><t>张三</t></si></sst>` },
  );
}

const CONTENT_TYPES_DOCX =
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
  '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
  '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>';
const ROOT_RELS_DOCX =
  '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>' +
  '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/></Relationships>';
const DOCUMENT_OPEN =
  '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>';
const DOCUMENT_CLOSE = '</w:body></w:document>';
const PARAGRAPH = '<w:p><w:r><w:t>☆</w:t></w:r></w:p>';

function docx(document: BombPart, app: BombPart): Promise<Buffer> {
  return buildZip([
    { name: '[Content_Types].xml', prefix: CONTENT_TYPES_DOCX },
    { name: '_rels/.rels', prefix: ROOT_RELS_DOCX },
    document,
    app,
  ]);
}

const SMALL_APP =
  '<?xml version="1.0" encoding="UTF-8"?><Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Company>某单位</Company></Properties>';

/** A Word document of `paragraphs` paragraphs (8 million fit in well under a megabyte). */
export function docxParagraphsBomb(paragraphs: number, options: { lie?: boolean } = {}): Promise<Buffer> {
  return docx(
    {
      name: 'word/document.xml',
      prefix: DOCUMENT_OPEN,
      repeat: { piece: PARAGRAPH, times: paragraphs },
      suffix: DOCUMENT_CLOSE,
      declaredSize: options.lie ? 1000 : undefined,
    },
    { name: 'docProps/app.xml', prefix: SMALL_APP },
  );
}

/** A small Word document whose docProps/app.xml inflates to about `megabytes` MB. */
export function docxPropertiesBomb(megabytes: number, options: { lie?: boolean } = {}): Promise<Buffer> {
  return docx(
    { name: 'word/document.xml', prefix: `${DOCUMENT_OPEN}${PARAGRAPH}${DOCUMENT_CLOSE}` },
    {
      name: 'docProps/app.xml',
      prefix:
        '<?xml version="1.0" encoding="UTF-8"?><Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Company>',
      repeat: { piece: ' ', times: megabytes * 1024 * 1024 },
      suffix: '</Company></Properties>',
      declaredSize: options.lie ? 1000 : undefined,
    },
  );
}
