/**
 * Contact details from resume text: e-mail, phone (E.164 when libphonenumber-js accepts it), profile links
 * and a location when the header states one plainly.
 */
import { parsePhoneNumberFromString, searchPhoneNumbersInText, type CountryCode } from 'libphonenumber-js';

const EMAIL_RE =
  /(?<![\w.+-])[A-Za-z0-9][A-Za-z0-9._%+-]*@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,24}(?![A-Za-z])/g;
const EMAIL_LABEL_RE = /^(?:e-?mail|mail|email id|emailid)[:-]?/i;

/** The candidate's e-mail address: the first one in the text. */
export function extractEmail(text: string): string | null {
  for (const m of text.matchAll(EMAIL_RE)) {
    // Text layers sometimes glue the label to the address ("Email:jane@x.com" is already split by the regex,
    // "Emailjane@x.com" is not); a label fused to the local part is dropped.
    let email = m[0].replace(/\.+$/, '');
    const labelled = EMAIL_LABEL_RE.exec(email);
    if (labelled && email.length - labelled[0].length > 5 && /[:-]$/.test(labelled[0])) {
      email = email.slice(labelled[0].length);
    }
    return email;
  }
  return null;
}

// Dates and date ranges look like phone numbers to a digit matcher ("2018 - 06/2021"); they are masked first.
const DATE_MASK_RE =
  /\b(?:0?[1-9]|1[0-2])[/.](?:19|20)\d\d\b|\b(?:19|20)\d\d\s*(?:-|–|—|to)\s*(?:(?:0?[1-9]|1[0-2])[/.])?(?:(?:19|20)\d\d|present|current|now)\b|\b\d{1,2}[/.-]\d{1,2}[/.-](?:19|20)?\d\d\b/gi;
const PHONE_LABEL_RE =
  /(?:phone|mobile|mob|cell|tel|telephone|contact(?: no| number)?|ph|m)\s*(?:no\.?|number|#)?\s*[:.-]?\s*$/i;
// Phone-shaped text that libphonenumber-js may reject (placeholders such as "(123) 456-7890").
const PHONE_SHAPE_RE =
  /(?<![\w+])(?:\+\s?\d{1,3}[\s.-]?|\(\+?\d{1,3}\)\s?)?(?:\(\d{2,5}\)[\s.-]?)?\d{2,5}(?:[\s.-]\d{2,5}){1,4}(?![\w])|(?<![\w+])\+?\d{10,13}(?!\w)/g;

interface PhoneCandidate {
  index: number;
  value: string;
  isValid: boolean;
  isLabelled: boolean;
}

function mask(text: string, re: RegExp): string {
  return text.replace(re, (m) => ' '.repeat(m.length));
}

/** Whether a label ("Mobile:") stands just before `index` on the same line. Looks back 30 characters only. */
function isLabelled(text: string, index: number): boolean {
  const before = text.slice(Math.max(0, index - 30), index);
  return PHONE_LABEL_RE.test(before.slice(before.lastIndexOf('\n') + 1));
}

/**
 * Phone-like strings looked at, in text order, per finder. A resume states its number near the top; a text
 * dense with numbers (an attacker's, or a data table) must not make the search cost more than linear.
 */
const MAX_PHONE_CANDIDATES = 100;

function* take<T>(items: Iterable<T>, n: number): Generator<T> {
  let i = 0;
  for (const item of items) {
    if (i++ >= n) {
      return;
    }
    yield item;
  }
}

/**
 * The candidate's phone number: E.164 when it is a valid number (national numbers read in
 * `defaultCountry`), else the digits as written (with the + if there was one). Labelled numbers
 * ("Mobile: …") win over unlabelled ones; otherwise the first in the text.
 */
export function extractPhone(text: string, defaultCountry: CountryCode = 'US'): string | null {
  const masked = mask(mask(text, EMAIL_RE), DATE_MASK_RE);
  const candidates: PhoneCandidate[] = [];
  const validSpans: Array<{ start: number; end: number }> = [];
  for (const found of take(searchPhoneNumbersInText(masked, { defaultCountry }), MAX_PHONE_CANDIDATES)) {
    validSpans.push({ start: found.startsAt, end: found.endsAt });
    candidates.push({
      index: found.startsAt,
      value: found.number.number,
      isValid: true,
      isLabelled: isLabelled(masked, found.startsAt),
    });
  }
  // Both finders go through the text in order, so one pointer walks the valid numbers' spans.
  let span = 0;
  for (const m of take(masked.matchAll(PHONE_SHAPE_RE), MAX_PHONE_CANDIDATES)) {
    const raw = m[0].trim();
    const digits = raw.replace(/\D/g, '');
    if (digits.length < 10 || digits.length > 13) {
      continue;
    }
    while (span < validSpans.length && validSpans[span]!.end <= m.index) {
      span += 1;
    }
    const next = validSpans[span];
    if (next && next.start < m.index + m[0].length) {
      // The same number, already read as a valid one.
      continue;
    }
    const parsed = parsePhoneNumberFromString(raw, defaultCountry);
    const isValid = parsed?.isValid() ?? false;
    candidates.push({
      index: m.index,
      value:
        isValid && parsed
          ? parsed.number
          : `${raw.startsWith('+') || raw.startsWith('(+') ? '+' : ''}${digits}`,
      isValid,
      isLabelled: isLabelled(masked, m.index),
    });
  }
  if (candidates.length === 0) {
    return null;
  }
  candidates.sort((a, b) => Number(b.isLabelled) - Number(a.isLabelled) || a.index - b.index);
  return candidates[0]?.value ?? null;
}

const LINK_RE =
  /\b(?:https?:\/\/)?(?:www\.)?(?:linkedin\.com\/(?:in|pub|profile)\/[\w\-%.]+|github\.com\/[\w\-.]+|gitlab\.com\/[\w\-.]+|bitbucket\.org\/[\w\-.]+|stackoverflow\.com\/users\/[\w\-/]+|kaggle\.com\/[\w\-.]+|behance\.net\/[\w\-.]+|dribbble\.com\/[\w\-.]+|medium\.com\/@?[\w\-.]+|twitter\.com\/[\w]+|x\.com\/[\w]+)\/?|\bhttps?:\/\/[^\s|,;)<>"']+|\bwww\.[a-z0-9-]+(?:\.[a-z0-9-]+)+(?:\/[^\s|,;)<>"']*)?|\b[a-z0-9-]{3,}\.(?:dev|io|me|page|site|tech|app|in)(?:\/[^\s|,;)<>"']*)?(?![\w@.])/gi;

/** Profile and portfolio links (LinkedIn, GitHub, personal sites), as written, without duplicates. */
export function extractLinks(text: string): string[] {
  const withoutEmails = mask(text, EMAIL_RE);
  const seen = new Set<string>();
  const links: string[] = [];
  for (const m of withoutEmails.matchAll(LINK_RE)) {
    const link = m[0].replace(/[.)\]]+$/, '');
    const key = link
      .toLowerCase()
      .replace(/^https?:\/\//, '')
      .replace(/^www\./, '')
      .replace(/\/$/, '');
    if (key.length < 6 || seen.has(key)) {
      continue;
    }
    seen.add(key);
    links.push(link);
    if (links.length === 8) {
      break;
    }
  }
  return links;
}

const US_STATES =
  'AL|AK|AZ|AR|CA|CO|CT|DE|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY|DC';
const CA_PROVINCES = 'ON|BC|AB|QC|NS|MB|SK|NB|NL|PE|YT|NT|NU';
const COUNTRIES =
  'USA|U\\.S\\.A\\.|United States|UK|U\\.K\\.|United Kingdom|England|Scotland|Ireland|India|Canada|Australia|New Zealand|Germany|France|Spain|Italy|Netherlands|Belgium|Switzerland|Austria|Sweden|Norway|Denmark|Finland|Poland|Portugal|Singapore|Malaysia|Philippines|Indonesia|Japan|China|Hong Kong|South Africa|Nigeria|Kenya|Egypt|UAE|United Arab Emirates|Saudi Arabia|Qatar|Israel|Brazil|Mexico|Argentina|Pakistan|Bangladesh|Sri Lanka|Nepal';
const INDIAN_STATES =
  'Maharashtra|Karnataka|Tamil Nadu|Telangana|Andhra Pradesh|Kerala|Gujarat|Rajasthan|Uttar Pradesh|Madhya Pradesh|West Bengal|Delhi|Haryana|Punjab|Bihar|Odisha|Goa|NCR';
const PLACE_WORD = "[A-Z][A-Za-z.'-]+";
const LOCATION_RE = new RegExp(
  `(?<![\\w])(${PLACE_WORD}(?: ${PLACE_WORD}){0,2}, (?:(?:${US_STATES}|${CA_PROVINCES})(?: \\d{5})?(?:, (?:${COUNTRIES}))?|(?:${INDIAN_STATES})(?:, (?:${COUNTRIES}))?|(?:${COUNTRIES})))(?![\\w])`,
);
const LOCATION_LABEL_RE = /^(?:location|address|based in|city)\s*[:-]\s*(.{3,60})$/i;

/** True for a line such as "Beer Sheva, Israel" or "Austin, TX 78701". */
export function looksLikeLocation(line: string): boolean {
  return LOCATION_RE.test(line);
}

/** Where the candidate is based, if the header (first lines) says so plainly: "San Francisco, CA". */
export function extractLocation(text: string): string | null {
  const header = text.split('\n').slice(0, 12);
  for (const line of header) {
    for (const part of line.split(/\s\|\s|\s{2,}/)) {
      const labelled = LOCATION_LABEL_RE.exec(part.trim());
      if (labelled?.[1]) {
        return labelled[1].trim();
      }
      const m = LOCATION_RE.exec(part);
      if (m?.[1] && !/@/.test(m[1])) {
        return m[1].replace(/ \d{5}$/, '');
      }
    }
  }
  return null;
}
