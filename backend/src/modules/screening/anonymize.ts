/**
 * What scoring reads of a resume must not include who the candidate is (SPEC §3: the same resume under
 * another name, address, e-mail or photo gets exactly the same Match %). The fields extracted from the full
 * text (name, e-mail, phone, location, links) are kept for the recruiter; what scores — the embedding and the
 * features computed from text — reads this scrubbed text instead. Dates and everything about the work stay.
 */
import type { ExtractedFields } from './types';

const EMAIL_RE = /[\w.+%-]+@[\w-]+(?:\.[\w-]+)+/g;
const URL_RE = /\b(?:https?:\/\/|www\.)\S+|\b(?:linkedin|github|gitlab|bitbucket|twitter|behance|dribbble|kaggle|medium)\.com\/\S*/gi;
// A phone-shaped run of 9+ digits (date ranges such as "2018 - 2021" have 8 and are kept).
const PHONE_RE = /(?<![\w])\+?\(?\d[\d\s().-]{7,}\d(?![\w])/g;
// A street address: a house number and a street word, or a UK/US postcode.
const ADDRESS_RE =
  /\b\d{1,5}[a-z]?,?\s+(?:[\w.'-]+\s+){0,4}(?:street|st|avenue|ave|road|rd|lane|ln|boulevard|blvd|drive|dr|court|ct|way|place|pl|square|sq|terrace|close|crescent|parkway|highway|hwy)\b\.?|\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b/i;
/** The first lines hold the contact block; a short one there that names the candidate is dropped whole. */
const HEADER_LINES = 8;
const SHORT_LINE = 120;

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function digitsOf(s: string): string {
  return s.replace(/\D/g, '');
}

/** A pattern for the phone's last seven digits, whatever punctuation the resume wrote between them. */
function phonePattern(phone: string | null): RegExp | null {
  const digits = phone ? digitsOf(phone).slice(-7) : '';
  return digits.length === 7 ? new RegExp(digits.split('').join('[\\s().-]*'), 'g') : null;
}

/** The text with the candidate's identity and contact details taken out. Linear in the text's length. */
export function scrubPersonalDetails(
  text: string,
  fields: Pick<ExtractedFields, 'name' | 'email' | 'phone' | 'location' | 'links'>,
): string {
  const name = fields.name?.trim() ?? '';
  const nameRe = name.length >= 3 ? new RegExp(`(?<!\\p{L})${escapeRegExp(name)}(?!\\p{L})`, 'giu') : null;
  const location = fields.location?.trim() ?? '';
  const links = fields.links.filter((l) => l.length >= 6);
  const phoneRe = phonePattern(fields.phone);
  const kept: string[] = [];
  text.split('\n').forEach((line, i) => {
    const isHeader = i < HEADER_LINES && line.length <= SHORT_LINE;
    if (isHeader) {
      const names = nameRe ? line.search(nameRe) >= 0 : false;
      if (names || (location.length >= 3 && line.includes(location)) || ADDRESS_RE.test(line)) {
        return;
      }
    }
    let cleaned = line.replace(EMAIL_RE, ' ').replace(URL_RE, ' ');
    for (const link of links) {
      cleaned = cleaned.split(link).join(' ');
    }
    if (isHeader) {
      cleaned = cleaned.replace(PHONE_RE, ' ');
    }
    if (phoneRe) {
      cleaned = cleaned.replace(phoneRe, ' ');
    }
    if (nameRe) {
      cleaned = cleaned.replace(nameRe, ' ');
    }
    if (location.length >= 3) {
      cleaned = cleaned.split(location).join(' ');
    }
    kept.push(cleaned.replace(/ {2,}/g, ' ').trim());
  });
  return kept.join('\n').replace(/\n{3,}/g, '\n\n').trim();
}
