/** The header and first rows of a CSV file, split as the api does (`,` or `;`, taken from the header). */
export interface CsvPreview {
  separator: ',' | ';';
  header: string[];
  rows: string[][];
}

export function previewCsv(text: string, maxRows = 5): CsvPreview {
  const clean = text.replace(/^\uFEFF/, '');
  const firstLine = clean.split(/\r?\n/, 1)[0] ?? '';
  const separator = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  const records = parse(clean, separator, maxRows + 1);
  return { separator, header: records[0] ?? [], rows: records.slice(1) };
}

// A small quoted-field parser: enough for a preview; the api parses the real file.
function parse(text: string, separator: string, limit: number): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length && records.length < limit; i++) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === separator) {
      record.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') i++;
      record.push(field);
      records.push(record);
      record = [];
      field = '';
    } else field += char;
  }
  if ((field !== '' || record.length > 0) && records.length < limit) {
    record.push(field);
    records.push(record);
  }
  return records;
}
