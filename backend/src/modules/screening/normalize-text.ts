/**
 * Turns the raw text of a PDF/DOCX/TXT into plain text that regexes and the skills matcher can trust:
 * one line per visual line, single spaces, no invisible characters, ligatures expanded, bullets and icon
 * glyphs removed, and the usual UTF-8-read-as-Windows-1252 mojibake repaired.
 */
/* eslint-disable no-control-regex -- finding and replacing control characters is this module's job */

// Windows-1252 maps 0x80–0x9F to these code points; mojibake is UTF-8 bytes decoded through this table.
const CP1252_HIGH: Record<number, number> = {
  0x20ac: 0x80,
  0x201a: 0x82,
  0x0192: 0x83,
  0x201e: 0x84,
  0x2026: 0x85,
  0x2020: 0x86,
  0x2021: 0x87,
  0x02c6: 0x88,
  0x2030: 0x89,
  0x0160: 0x8a,
  0x2039: 0x8b,
  0x0152: 0x8c,
  0x017d: 0x8e,
  0x2018: 0x91,
  0x2019: 0x92,
  0x201c: 0x93,
  0x201d: 0x94,
  0x2022: 0x95,
  0x2013: 0x96,
  0x2014: 0x97,
  0x02dc: 0x98,
  0x2122: 0x99,
  0x0161: 0x9a,
  0x203a: 0x9b,
  0x0153: 0x9c,
  0x017e: 0x9e,
  0x0178: 0x9f,
};
const CP1252_CHARS = Object.keys(CP1252_HIGH)
  .map((code) => String.fromCharCode(Number(code)))
  .join('');
// A UTF-8 lead byte (as Latin-1) followed by 1–3 continuation bytes (as Latin-1 or Windows-1252).
const MOJIBAKE = new RegExp(`[\\u00c2-\\u00f4][\\u0080-\\u00bf${CP1252_CHARS}]{1,3}`, 'g');
const utf8 = new TextDecoder('utf-8', { fatal: true });

function repairMojibake(text: string): string {
  return text.replace(MOJIBAKE, (seq) => {
    const bytes = new Uint8Array(seq.length);
    for (let i = 0; i < seq.length; i++) {
      const code = seq.charCodeAt(i);
      bytes[i] = code <= 0xff ? code : (CP1252_HIGH[code] ?? 0);
    }
    // Only a complete, valid UTF-8 sequence is mojibake; "Ã" followed by ordinary text stays as written.
    const lead = bytes[0] ?? 0;
    const expectedLength = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : 2;
    if (bytes.length < expectedLength) {
      return seq;
    }
    try {
      const fixed = utf8.decode(bytes.subarray(0, expectedLength));
      return fixed + seq.slice(expectedLength);
    } catch {
      return seq;
    }
  });
}

const LIGATURES: Record<string, string> = {
  '\ufb00': 'ff',
  '\ufb01': 'fi',
  '\ufb02': 'fl',
  '\ufb03': 'ffi',
  '\ufb04': 'ffl',
  '\ufb05': 'st',
  '\ufb06': 'st',
};
const LIGATURE_RE = /[\ufb00-\ufb06]/g;

const INVISIBLE_RE = /[\u00ad\u200b-\u200d\u2060\ufeff\u180e]/g;
const LINE_BREAK_RE = /\r\n?|[\u2028\u2029\u000b\u000c\u0085]/g;
const SPACE_RE = /[\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/g;
const HYPHEN_RE = /[\u2010\u2011\u2212]/g;
const QUOTE_RE = /[\u2018\u2019\u201a\u201b\u2032]/g;
const DQUOTE_RE = /[\u201c\u201d\u201e\u201f\u2033]/g;
// Bullets, list markers, pictograms and private-use icon-font glyphs (Font Awesome, Wingdings via PUA).
const GLYPH_RE =
  /[\u2022\u2023\u2043\u2219\u25a0-\u25ff\u2600-\u27bf\u2b00-\u2bff\ue000-\uf8ff\u{1f300}-\u{1faff}\u{f0000}-\u{10ffff}\u00b7\u2027\u30fb]|[\u{1f000}-\u{1f2ff}]/gu;
// Any remaining control characters (tabs and newlines were handled before this runs).
const CONTROL_RE = /[\u0000-\u0009\u000e-\u001f\u007f-\u009f]/g;

function cleanLine(line: string): string {
  // Glyphs at the start of a line are bullets; between words they separate fields ("Acme • London").
  const marked = line.replace(GLYPH_RE, '\u0001');
  return marked
    .replace(/ {2,}/g, ' ')
    .replace(/^[\s\u0001]+|[\s\u0001]+$/g, '')
    .replace(/\s*\u0001[\s\u0001]*/g, ' | ')
    .replace(/(?:\s*\|\s*){2,}/g, ' | ')
    .replace(/^[|\s]+|[|\s]+$/g, '');
}

/** Normalises extracted document text; lines are kept, blank-line runs are capped at one. */
export function normalizeText(raw: string): string {
  let text = raw.normalize('NFC');
  text = repairMojibake(text);
  text = text
    .replace(LINE_BREAK_RE, '\n')
    .replace(INVISIBLE_RE, '')
    .replace(SPACE_RE, ' ')
    .replace(LIGATURE_RE, (ch) => LIGATURES[ch] ?? ch)
    .replace(HYPHEN_RE, '-')
    .replace(QUOTE_RE, "'")
    .replace(DQUOTE_RE, '"')
    .replace(CONTROL_RE, (ch) => (ch === '\n' ? ch : ' '))
    // A soft hyphen next to a real one leaves "555--5555" behind; one hyphen was meant.
    .replace(/(?<=\w)-{2,}(?=\w)/g, '-');
  const lines = text.split('\n').map(cleanLine);
  return lines
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
