/**
 * The candidate's name and current title from the first lines of a resume. Headings ("Resume",
 * "Curriculum Vitae"), contact lines and job titles are skipped; when the header holds no name (sidebar
 * templates put it last, some text layers put the contact block at the end) the lines around the e-mail
 * address and the last lines are tried.
 */
import { isTitleStartWord } from '../occupations.js';
import { findSkillMentions, findSkills } from '../skills.js';
import { looksLikeLocation } from './contact.js';
import { headingKind } from './sections.js';

const HEADER_LINES = 10;

const NOT_NAME_WORDS = new Set(
  (
    'resume résumé cv curriculum vitae vita biodata bio data profile summary objective career contact contacts details information ' +
    'english hindi hebrew russian french german spanish arabic fluent native intermediate pre-intermediate beginner advanced basic ' +
    'tools api apis framework frameworks stack ' +
    'personal email e-mail phone mobile tel address linkedin github portfolio website references experience education ' +
    'skills projects work history employment professional technical qualifications certifications achievements languages ' +
    'engineer engineering developer development manager management analyst analytics consultant intern internship student designer scientist science ' +
    'specialist architect administrator admin lead director officer assistant associate executive accountant coordinator ' +
    'representative technician teacher lecturer professor nurse doctor physician sales marketing software senior junior staff ' +
    'principal chief president vice founder co-founder owner freelance freelancer trainee graduate undergraduate fresher ' +
    'programmer tester devops data full stack frontend backend front end back web mobile cloud network security systems system ' +
    'hr human resources finance financial accounting operations business product project program programme support service ' +
    'customer advisor agent clerk cashier receptionist writer editor recruiter university college school institute academy ' +
    'technologies technology solutions services pvt ltd limited inc llc corp company group bank india usa street road avenue ' +
    'nagar city state country district near apartment flat floor building sector the and for of in at to with from ' +
    'dear sir madam objective declaration hobbies interests strengths date place signature male female married single ' +
    'nationality dob birth father mother gender religion seeking looking position role job title present current ' +
    'python java javascript sql react developer machine learning'
  ).split(' '),
);

const HONORIFIC_RE = /^(?:mr|mrs|ms|miss|dr|prof|shri|smt|sri)\.?\s/i;
const NAME_TOKEN_RE = /^(?:\p{Lu}[\p{L}'’-]*\.?|\p{Lu}\.)$/u;
// Some people type their name in lower case; accepted only on the very first line.
const LOWER_NAME_TOKEN_RE = /^\p{Ll}[\p{L}'’-]+$/u;
const CONTACT_RE = /@|https?:|www\.|\.com\b|\d{3}/i;

function titleCase(word: string): string {
  return word
    .toLowerCase()
    .replace(/(^|[-'’])(\p{L})/gu, (_, sep: string, ch: string) => sep + ch.toUpperCase());
}

/**
 * The name in one line, if the line (or its first field) is a name: 2–4 capitalised words, optionally
 * with initials ("Govardhana K", "JOHN DOE", "Mary-Jane O'Neil").
 */
export function nameFromLine(rawLine: string, opts: { allowLowercase?: boolean } = {}): string | null {
  let line =
    rawLine
      .replace(/^(?:name|full name|candidate name)\s*[:-]\s*/i, '')
      // "Sourabh Bajaj Email : sourabh@…": a contact label ends the name.
      .split(/\s+(?=(?:e-?mail|phone|mobile|tel|cell|contact)\s*[:|])/i)[0]
      ?.trim() ?? '';
  if (HONORIFIC_RE.test(line) || /\b(?:father|mother|husband|spouse|guardian)/i.test(line)) {
    return null;
  }
  // "Omkar Pathak SOFTWARE ENGINEER | …" or "Jane Roe | jane@x.com": the name is the leading field.
  line = line.split(/\s[|·•,]\s|\s{2,}|\t|,\s/)[0]?.trim() ?? '';
  const words = line.split(/\s+/).filter((w) => w.length > 0);
  const isAllCaps = (w: string): boolean => w.length > 1 && w === w.toUpperCase() && /\p{L}/u.test(w);
  // Cut a mixed-case name off an upper-case title that follows it on the same line.
  if (words.length > 2 && !isAllCaps(words[0] ?? '') && words.slice(2).every(isAllCaps)) {
    words.splice(2);
  }
  if (words.length < 2 || words.length > 4) {
    return null;
  }
  const tokenOk = (w: string): boolean =>
    NAME_TOKEN_RE.test(w) || (opts.allowLowercase === true && LOWER_NAME_TOKEN_RE.test(w));
  if (words.some((w) => !tokenOk(w) || NOT_NAME_WORDS.has(w.toLowerCase().replace(/[.,:]$/, '')))) {
    return null;
  }
  if (!words.some((w) => w.replace(/\./g, '').length >= 2)) {
    return null;
  }
  // "Acme CORPORATION": a long upper-case word beside ordinary words is not part of a name (short ones are
  // initials: "Karthik GV").
  const longCaps = words.filter((w) => w.replace(/\./g, '').length > 3 && isAllCaps(w)).length;
  if (longCaps > 0 && !words.every((w) => isAllCaps(w) || w.replace(/\./g, '').length <= 1)) {
    return null;
  }
  if (looksLikeLocation(rawLine)) {
    return null;
  }
  // A line of skills ("React Native", "Python Java") is not a name; a name that holds a product's name
  // ("Maya Chen": Autodesk Maya) is — as long as some word of it is no skill at all.
  const mentions = findSkillMentions(line);
  const covered = mentions.reduce((n, m) => n + line.slice(m.start, m.end).split(/\s+/).filter(Boolean).length, 0);
  if (mentions.length > 0 && covered >= words.length) {
    return null;
  }
  const allCaps = words.every((w) => w === w.toUpperCase());
  const fix = (w: string): string =>
    (allCaps || w === w.toLowerCase()) && w.replace(/\./g, '').length > 1 ? titleCase(w) : w;
  return words.map(fix).join(' ');
}

function isHeadingOrContact(line: string): boolean {
  return headingKind(line) !== null || CONTACT_RE.test(line);
}

/** Name guessed from an address such as "jane.roe@…" or "jane_roe99@…", if the text spells it too. */
function nameFromEmail(text: string, email: string | null): string | null {
  if (!email) {
    return null;
  }
  const parts = (email.split('@')[0] ?? '').split(/[._-]+/).map((p) => p.replace(/\d+$/, ''));
  if (parts.length < 2 || parts.length > 3 || parts.some((p) => p.length < 2)) {
    return null;
  }
  const re = new RegExp(`\\b${parts.join('\\s+')}\\b`, 'i');
  const m = re.exec(text);
  return m ? m[0].split(/\s+/).map(titleCase).join(' ') : null;
}

// A line this long is not a header line: the text was flattened (some PDFs extract the whole resume as one line).
const FLATTENED_LINE_CHARS = 150;
const NAME_BOUNDARY_RE = /[\d@|:•·/]|^[\p{Ll}]|^[^\p{L}]/u;
// Sentence openers after a name on a flattened first line ("Jane Roe Have 5 years of …").
const OPENER_WORDS = new Set('have having has working worked actively currently need am is with self-employed seeking'.split(' '));
// Employers that follow a name on the Indeed-style header line ("Akash Gulhane Microsoft Dynamics …").
const EMPLOYER_WORDS = new Set(
  'microsoft infosys wipro tcs accenture ibm google amazon oracle cisco sap deloitte cognizant capgemini hcl mindtree mphasis genpact dell hp intel'.split(' '),
);
const SENIORITY_RE = /^(?:senior|sr\.?|junior|jr\.?|lead|principal|staff|chief|head|associate|assistant|trainee|intern|fresher)$/i;

/** Is `word` where a name stops (a title, a heading, a contact detail, a lower-case word)? */
function isNameBoundary(word: string | undefined, nameIsAllCaps: boolean): boolean {
  if (word === undefined) {
    return true;
  }
  const bare = word.replace(/[.,;:]+$/, '');
  return (
    NAME_BOUNDARY_RE.test(word) ||
    SENIORITY_RE.test(bare) ||
    NOT_NAME_WORDS.has(bare.toLowerCase()) ||
    OPENER_WORDS.has(bare.toLowerCase()) ||
    EMPLOYER_WORDS.has(bare.toLowerCase()) ||
    // "Officer-HR", "Trainer-Finacle-Core": a hyphenated title.
    (bare.includes('-') && isTitleStartWord(bare.split('-')[0] ?? '')) ||
    headingKind(bare) !== null ||
    isTitleStartWord(bare) ||
    (!nameIsAllCaps && bare.length > 1 && bare === bare.toUpperCase()) ||
    findSkills(bare).length > 0 ||
    /[,;]$/.test(word)
  );
}

/**
 * The name at the start of a run of words, when the words after it start something else ("Govardhana K Senior
 * Software Engineer Bengaluru, …" → "Govardhana K"): the shortest 2–4-word prefix that reads as a name and is
 * followed by a boundary (a job title's first word, a heading, a contact detail, …).
 */
function nameAtStart(words: string[], opts: { allowLowercase?: boolean } = {}): string | null {
  for (let n = 2; n <= Math.min(4, words.length); n++) {
    const prefix = words.slice(0, n);
    const isAllCaps = prefix.every((w) => w === w.toUpperCase());
    // "Soumya Balan Soumya Balan - BE …": the name repeated; "Jay Madhavi Navi Mumbai, Maharashtra": a place.
    const isRepeated = words[n] === prefix[0];
    const isPlace = looksLikeLocation(words.slice(n, n + 4).join(' '));
    if (!(isRepeated || isPlace || isNameBoundary(words[n], isAllCaps)) || prefix.some((w) => /[,;:]$/.test(w) && w !== prefix[n - 1])) {
      continue;
    }
    const name = nameFromLine(prefix.join(' ').replace(/[,;:]+$/, ''), opts);
    if (name) {
      return name;
    }
  }
  return null;
}

/** Names in flattened text: at its start (after a "Resume" / "Name:" label), or just before the e-mail address. */
function nameInFlatText(text: string, email: string | null): string | null {
  const flat = text.replace(/\s+/g, ' ').trim();
  const start = flat
    .replace(/^(?:(?:resume|résumé|curriculum vitae|cv|bio-?data|profile)\b[\s:,-]*)+/i, '')
    .replace(/^(?:name|full name|candidate name)\s*[:-]\s*/i, '');
  const atStart = nameAtStart(start.split(' ').slice(0, 8), { allowLowercase: true });
  if (atStart) {
    return atStart;
  }
  if (email) {
    const at = flat.indexOf(email);
    if (at > 0) {
      const before = flat
        .slice(Math.max(0, at - 80), at)
        .replace(/(?:e-?mail|email id|mail)\s*[:-]?\s*$/i, '')
        .trim()
        .split(' ');
      for (let n = Math.min(4, before.length); n >= 2; n--) {
        const name = nameFromLine(before.slice(-n).join(' ').replace(/[,;:|]+$/, ''));
        if (name && isNameBoundary(before[before.length - n - 1], false)) {
          return name;
        }
      }
    }
  }
  return null;
}

/** The candidate's name, or null when no line looks like one. */
export function extractName(text: string, email: string | null = null): string | null {
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.length > 0);
  if ((lines[0]?.length ?? 0) > FLATTENED_LINE_CHARS) {
    const flat = nameAtStart(lines[0]?.split(/\s+/).slice(0, 8) ?? [], { allowLowercase: true }) ?? nameInFlatText(text, email);
    if (flat) {
      return flat;
    }
  }
  for (const [i, line] of lines.slice(0, HEADER_LINES).entries()) {
    if (headingKind(line) === 'work' || headingKind(line) === 'education') {
      break;
    }
    const name = nameFromLine(line, { allowLowercase: i === 0 });
    if (name) {
      return name;
    }
  }
  // Contact block elsewhere: the name usually sits just above the e-mail line.
  if (email) {
    const at = lines.findIndex((l) => l.includes(email));
    for (let i = Math.max(0, at - 3); at >= 0 && i <= Math.min(lines.length - 1, at + 1); i++) {
      const name = nameFromLine(lines[i] ?? '');
      if (name && !isHeadingOrContact(lines[i] ?? '')) {
        return name;
      }
    }
  }
  const fromEmail = nameFromEmail(text, email);
  if (fromEmail) {
    return fromEmail;
  }
  // Sidebar layouts: the name is among the last lines of the text layer. Only for a resume with contact
  // details, so that a stray line at the end of an anonymised CV is not taken for a name.
  for (const line of email ? lines.slice(-4).reverse() : []) {
    const name = nameFromLine(line);
    if (name) {
      return name;
    }
  }
  return null;
}

const TITLE_WORD_RE =
  /\b(?:engineer|developer|programmer|architect|manager|analyst|consultant|designer|scientist|specialist|administrator|lead|director|officer|intern|associate|executive|accountant|coordinator|representative|technician|teacher|lecturer|nurse|recruiter|advisor|writer|editor|tester|founder|head of|vp|president|assistant|trainee|clerk|cashier|auditor|strategist|marketer|owner|supervisor)s?\b/i;

/** "Lead Software Engineer — Full Stack" → "Lead Software Engineer"; "Nurse (Adult)" → "Nurse". */
function cleanTitle(field: string): string {
  const main = field.split(/\s[—–]\s|\s-\s/)[0] ?? field;
  return main
    .replace(/\s*\([^)]*\)\s*/g, ' ')
    .replace(/^[\s,|:-]+|[\s,|:-]+$/g, '')
    .trim();
}

/** A job title from the header (the line under the name), or the first role under Experience. */
export function extractCurrentTitle(text: string, name: string | null): string | null {
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.length > 0);
  const looksLikeTitle = (line: string): boolean =>
    TITLE_WORD_RE.test(line) && line.split(/\s+/).length <= 8 && !/[@\d]|https?:/.test(line);
  const nameAt = name ? lines.findIndex((l) => l.toLowerCase().includes(name.toLowerCase())) : -1;
  const headerStart = nameAt >= 0 && nameAt < HEADER_LINES ? nameAt : 0;
  for (const line of lines.slice(headerStart, headerStart + 4)) {
    const rest = name && line.toLowerCase().startsWith(name.toLowerCase()) ? line.slice(name.length) : line;
    const field = rest.split(/\s\|\s/).find((part) => looksLikeTitle(part.trim()));
    if (field && headingKind(field) === null) {
      return cleanTitle(field);
    }
  }
  const workAt = lines.findIndex((l) => headingKind(l) === 'work');
  if (workAt >= 0) {
    for (const line of lines.slice(workAt + 1, workAt + 4)) {
      const field = line.split(/\s\|\s|,\s|\s[-–—]\s|\s{2,}/).find((part) => looksLikeTitle(part.trim()));
      if (field) {
        return cleanTitle(field);
      }
    }
  }
  return null;
}
