/** Minimal RFC 4180 CSV reader (quoted fields with commas, doubled quotes and newlines) for the eval data sets. */
export function parseCsv(text: string): Array<Record<string, string>> {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let inQuotes = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inQuotes) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else {
          inQuotes = false;
        }
      } else {
        field += c;
      }
    } else if (c === '"') {
      inQuotes = true;
    } else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') {
        i++;
      }
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else {
      field += c;
    }
  }
  if (field.length > 0 || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  const [header, ...body] = rows;
  if (!header) {
    return [];
  }
  return body
    .filter((r) => r.length > 1 || (r[0] ?? '') !== '')
    .map((r) => Object.fromEntries(header.map((h, i) => [h.replace(/^\uFEFF/, ''), r[i] ?? ''])));
}

/**
 * Repairs UTF-8 text that was decoded as Latin-1 once ("â\u0080¢" → "•", "NaÃ¯ve" → "Naïve"): each run that
 * re-encodes to valid UTF-8 is replaced; anything else is left alone.
 */
export function fixMojibake(text: string): string {
  return text.replace(/[\u00C2-\u00F4][\u0080-\u00BF]{1,3}/g, (run) => {
    const decoded = Buffer.from(run, 'latin1').toString('utf8');
    return decoded.includes('\uFFFD') ? run : decoded;
  });
}
