/**
 * CandidateFeatures: everything the score needs from one resume, computed once from its text and stored, so a
 * re-score (edited requirements, a new JD version) never needs the text again. Pure and synchronous; cost
 * grows linearly with the text (one skill-trie pass, one title pass over short segments, one term pass).
 *
 * Identity never reaches the features: `matchingText` blanks the name, e-mail addresses, phone numbers, links
 * and the address first (with spaces, so offsets and lines stay), so the same resume under another name,
 * address or e-mail yields the same features and the same Match % (SPEC §3), and evidence snippets never carry
 * contact details.
 */
import {
  MATCHING_SCHEMA_VERSION,
  MAX_EVIDENCE_CHARS,
  type CandidateFeatures,
  type CandidateSkill,
  type CandidateTitle,
  type EvidenceSection,
  type OccupationRef,
} from '@shortlist/contracts';
import { extractEmail, extractLinks, extractLocation } from './fields/contact.js';
import { estimateExperienceYears, findDateRanges, mergedMonths } from './fields/experience.js';
import { extractName } from './fields/name.js';
import { sectionLines, type SectionKind } from './fields/sections.js';
import { inferOccupations, type TitleEvidence } from './occupation-fit.js';
import { titleInSegment, type TitleMatch } from './occupations.js';
import { singular, titleWords } from './vocabulary/normalize.js';
import { minhashSignature } from './near-duplicates.js';
import { findSkillMentions, type SkillMention } from './skills.js';

/** What field extraction (local or Groq) already found; anything missing is found locally. */
export interface CandidateFieldsInput {
  name?: string | null;
  email?: string | null;
  phone?: string | null;
  experienceYears?: number | null;
  links?: string[];
  location?: string | null;
}

export interface FeatureOptions {
  /** "Present" in a date range; injectable so tests do not age. */
  now?: Date;
}

const MAX_TITLES = 8;
// Phone-shaped runs (10+ digits with separators) and e-mail addresses anywhere in the text.
const EMAIL_RE = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;
const PHONE_RE = /(?<![\w+])(?:\+?\d[\d\s().-]{8,18}\d)(?![\w])/g;
const URL_RE = /\bhttps?:\/\/\S+|\bwww\.\S+|\b(?:linkedin|github|gitlab|behance|dribbble|twitter|medium|kaggle)\.com\/\S*|\bindeed\.com\/r\/\S*/gi;
// A street address or postal code on a header line ("221B Baker Street", "Pune 411001", "Austin, TX 78701").
const ADDRESS_LINE_RE =
  /\b\d+[a-z]?\s+(?:[\p{L}'.-]+\s+){0,4}(?:street|st|road|rd|avenue|ave|lane|ln|drive|dr|boulevard|blvd|way|court|ct|place|pl|marg|nagar|colony|sector|apartments?|apt|suite|floor)\b|\b(?:address|residence)\s*:|\b\d{6}\b|\b[A-Z]{2}\s+\d{5}(?:-\d{4})?\b/iu;
const HEADER_LINES_FOR_ADDRESS = 12;

function blank(text: string, start: number, end: number): string {
  return text.slice(0, start) + text.slice(start, end).replace(/[^\n]/g, ' ') + text.slice(end);
}

function blankAll(text: string, re: RegExp): string {
  return text.replace(re, (m) => m.replace(/[^\n]/g, ' '));
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The resume text with identity blanked out (same length, same lines): the candidate's name wherever it is
 * written, every e-mail address, phone number and profile link, the stated location, and street-address lines
 * in the header. What is blanked comes from `identity` (the extracted fields) and from local extraction, so
 * fields from Groq and from the local extractor are both covered.
 */
export function matchingText(text: string, identity: CandidateFieldsInput = {}): string {
  let out = blankAll(blankAll(text, URL_RE), EMAIL_RE).replace(PHONE_RE, (m) =>
    // Ten digits or more, and not a date range ("2015 - 2019", "06/2018 – 03/2021").
    m.replace(/\D/g, '').length >= 10 && !/(?:19|20)\d\d\s*[-–]\s*(?:\d{1,2}[/.])?(?:19|20)\d\d/.test(m) ? m.replace(/[^\n]/g, ' ') : m,
  );
  const localEmail = extractEmail(text);
  const names = new Set([identity.name, extractName(text, localEmail)].filter((n): n is string => !!n && n.trim().length > 1));
  for (const name of names) {
    const words = name.trim().split(/\s+/).map(escapeRegExp);
    out = blankAll(out, new RegExp(`(?<![\\p{L}\\p{N}])${words.join('[\\s.]+')}(?![\\p{L}\\p{N}])`, 'giu'));
    // The name's own words in the header ("JANE" on one line, "ROE" on the next).
    const header = out.split('\n').slice(0, 3).join('\n').length;
    for (const word of words.filter((w) => w.length > 1)) {
      const re = new RegExp(`(?<![\\p{L}\\p{N}])${word}(?![\\p{L}\\p{N}])`, 'giu');
      out = out.slice(0, header).replace(re, (m) => ' '.repeat(m.length)) + out.slice(header);
    }
  }
  // Phone numbers as written are covered by PHONE_RE above; an E.164 form from the extractor is also blanked.
  for (const value of [identity.email, identity.phone, identity.location, localEmail, extractLocation(text)]) {
    if (value && value.trim().length > 2) {
      out = blankAll(out, new RegExp(escapeRegExp(value.trim()), 'gi'));
    }
  }
  for (const link of [...(identity.links ?? []), ...extractLinks(text)]) {
    if (link.length > 4) {
      out = blankAll(out, new RegExp(escapeRegExp(link), 'gi'));
    }
  }
  let offset = 0;
  for (const [i, line] of out.split('\n').entries()) {
    if (i < HEADER_LINES_FOR_ADDRESS && ADDRESS_LINE_RE.test(line) && !/\b(?:19|20)\d\d\s*[-–]/.test(line)) {
      out = blank(out, offset, offset + line.length);
    }
    offset += line.length + 1;
  }
  return out;
}

interface Line {
  text: string;
  start: number;
  section: SectionKind;
}

function linesOf(text: string): Line[] {
  const raw = text.split('\n');
  const sectioned = sectionLines(raw);
  let offset = 0;
  return sectioned.map((l, i) => {
    const line = { text: l.text, start: offset, section: l.section };
    offset += (raw[i] ?? '').length + 1;
    return line;
  });
}

/** Index of the line holding character `at` (lines are sorted by start). */
function lineIndexAt(lines: Line[], at: number): number {
  let lo = 0;
  let hi = lines.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((lines[mid]?.start ?? 0) <= at) {
      lo = mid;
    } else {
      hi = mid - 1;
    }
  }
  return lo;
}

/** The line around a mention, cut to at most MAX_EVIDENCE_CHARS at word boundaries, whitespace collapsed. */
export function snippetAround(text: string, start: number, end: number): string {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const newline = text.indexOf('\n', end);
  const lineEnd = newline < 0 ? text.length : newline;
  const squash = (s: string): string => s.replace(/\s+/g, ' ').trim();
  const line = squash(text.slice(lineStart, lineEnd));
  if (line.length <= MAX_EVIDENCE_CHARS) {
    return line;
  }
  // Room for the ellipses; the mention sits about a third of the way in.
  const budget = MAX_EVIDENCE_CHARS - 2;
  let from = Math.max(lineStart, start - Math.floor(budget / 3));
  const to = Math.min(lineEnd, from + budget * 2);
  let window = squash(text.slice(from, to));
  if (from > lineStart) {
    const cut = window.indexOf(' ');
    window = cut >= 0 && cut < 20 ? window.slice(cut + 1) : window;
    from = lineStart + 1;
  }
  if (window.length > budget) {
    const cut = window.lastIndexOf(' ', budget);
    window = window.slice(0, cut > budget - 25 ? cut : budget);
  }
  return `${from > lineStart ? '…' : ''}${window}…`.slice(0, MAX_EVIDENCE_CHARS);
}

// Where evidence is most convincing: a job that used the skill beats a list that names it.
const SECTION_RANK: Record<SectionKind, number> = { work: 0, projects: 1, summary: 2, skills: 3, header: 4, other: 5, education: 6 };

function evidenceSection(section: SectionKind): EvidenceSection {
  return section;
}

// "Python (3 years)", "PHOTOSHOP- Exprience - 28 months", "Java: 5 yrs": a stated duration right after a skill.
const YEARS_AFTER_RE = /^\s*[-–:(,]?\s*(?:exp(?:e|i)?rience\s*[-–:]\s*)?(?:(less than)\s+1\s+year|(\d{1,2}(?:\.\d)?)\s*\+?\s*(years?|yrs?|months?))/i;
// "5+ years of Java", "3 years experience in SQL": a stated duration right before it.
const YEARS_BEFORE_RE = /(\d{1,2}(?:\.\d)?)\s*\+?\s*(?:years?|yrs?)\s+(?:of\s+)?(?:(?:hands[- ]on|professional|working|strong)\s+)?(?:experience\s+(?:in|with|on)\s+)?(?:using\s+|with\s+|in\s+)?$/i;

function statedSkillYears(text: string, mention: SkillMention): number | null {
  const after = YEARS_AFTER_RE.exec(text.slice(mention.end, mention.end + 40));
  if (after) {
    if (after[1]) {
      return 0.5;
    }
    const n = Number(after[2]);
    return /^m/i.test(after[3] ?? '') ? Math.round((n / 12) * 10) / 10 : n;
  }
  const before = YEARS_BEFORE_RE.exec(text.slice(Math.max(0, mention.start - 60), mention.start));
  return before ? Number(before[1]) : null;
}

interface JobBlock {
  start: number;
  end: number;
  /** Months since year 0, as experience.ts counts them. */
  from: number;
  to: number;
}

/** Dated jobs: from a work-section line with a date range to the next one. */
function jobBlocks(lines: Line[], now: Date): JobBlock[] {
  const blocks: JobBlock[] = [];
  for (const line of lines) {
    const open = blocks.at(-1);
    // A job ends where the work section does: "Skills: Go" below it is not a use of Go in that job.
    if (line.section !== 'work') {
      if (open && open.end === Number.POSITIVE_INFINITY) {
        open.end = line.start;
      }
      continue;
    }
    if (line.text.length > 200) {
      continue;
    }
    const range = findDateRanges(line.text, now)[0];
    if (!range) {
      continue;
    }
    const last = blocks.at(-1);
    if (last) {
      last.end = line.start;
    }
    blocks.push({ start: line.start, end: Number.POSITIVE_INFINITY, from: range.start, to: range.end });
  }
  return blocks;
}

function skillYears(text: string, mentions: SkillMention[], blocks: JobBlock[]): Map<string, number> {
  const stated = new Map<string, number>();
  const spans = new Map<string, Array<{ start: number; end: number }>>();
  let b = 0;
  for (const m of mentions) {
    const years = statedSkillYears(text, m);
    if (years !== null) {
      stated.set(m.canonical, Math.max(stated.get(m.canonical) ?? 0, years));
    }
    while (b < blocks.length && (blocks[b]?.end ?? 0) <= m.start) {
      b++;
    }
    const block = blocks[b];
    if (block && block.start <= m.start && m.start < block.end) {
      spans.set(m.canonical, [...(spans.get(m.canonical) ?? []), { start: block.from, end: block.to }]);
    }
  }
  const out = new Map<string, number>();
  for (const [skill, ranges] of spans) {
    out.set(skill, Math.round((mergedMonths(ranges) / 12) * 10) / 10);
  }
  // A stated duration wins: the resume says it outright.
  for (const [skill, years] of stated) {
    out.set(skill, years);
  }
  return out;
}

function skillsWithEvidence(text: string, lines: Line[], mentions: SkillMention[], years: Map<string, number>): CandidateSkill[] {
  const best = new Map<string, { mention: SkillMention; rank: number; section: SectionKind; order: number }>();
  mentions.forEach((m, order) => {
    const section = lines[lineIndexAt(lines, m.start)]?.section ?? 'other';
    const rank = SECTION_RANK[section];
    const current = best.get(m.canonical);
    if (!current || rank < current.rank) {
      best.set(m.canonical, { mention: m, rank, section, order: current?.order ?? order });
    }
  });
  return [...best.values()]
    .sort((a, b) => a.order - b.order)
    .map(({ mention, section }) => ({
      name: mention.canonical,
      evidence: snippetAround(text, mention.start, mention.end),
      section: evidenceSection(section),
      years: years.get(mention.canonical) ?? null,
    }));
}

const TITLE_LABEL_RE = /^\s*(?:position|designation|role|job\s*(?:title|profile)|title|current\s+role|working\s+as|worked\s+as)\s*[:\-–]\s*/i;
const TITLE_SPLIT_RE = /\s[|•·]\s|\s[-–—]\s|,\s|\s{2,}|\t|\s@\s|\s+at\s+|\(|\)|:\s/;
const DEGREE_RE = /\b(?:b\.?\s?e|b\.?\s?tech|m\.?\s?tech|bachelor|master|degree|diploma|university|college|school|institute|mba|bca|mca|b\.?\s?sc|m\.?\s?sc|ssc|hsc)\b/i;

function toYearMonth(monthIndex: number): string {
  const year = Math.floor(monthIndex / 12);
  const month = (monthIndex % 12) + 1;
  return `${year}-${String(month).padStart(2, '0')}`;
}

/**
 * Whether a title-shaped segment can be a job its writer held. A person holds one job, so a plural head is a
 * group or a company ("QA Engineers", "Atri Developers"); and a head that is part of a product name is the
 * product ("SQL Server", "Windows Server", "LoadRunner", "Oracle Data Guard", "WebLogic 12c Server").
 */
function isHeldTitleShape(segment: string, match: TitleMatch): boolean {
  const words = titleWords(segment);
  const head = words[words.length - 1] ?? '';
  if (singular(head) !== head) {
    return false;
  }
  // A head that also names hardware or software counts only as a whole known title ("Banquet Server"), not as
  // the tail of one ("Dell Server", "Load Runner"), and never next to a skill ("SQL Server", "WebLogic Server").
  const mentions = findSkillMentions(segment);
  if (PRODUCT_HEADS.has(head)) {
    return match.coverage === 1 && mentions.length === 0;
  }
  const headStart = segment.toLowerCase().lastIndexOf(head);
  return !mentions.some((m) => m.end > headStart);
}

// Title heads that are also things in a technical resume: "Print Server", "Presentation Layer", "SF6 Breaker".
const PRODUCT_HEADS = new Set(['server', 'layer', 'breaker', 'guard', 'runner', 'builder', 'advisor', 'console']);

/** Job titles held, most recent first (a current job first, then in the order the resume lists them). */
function titlesHeld(lines: Line[], now: Date): TitleEvidence[] {
  const nowIndex = now.getUTCFullYear() * 12 + now.getUTCMonth() + 1;
  const found: Array<TitleEvidence & { order: number }> = [];
  const seen = new Set<string>();
  lines.forEach((line, i) => {
    if (found.length >= MAX_TITLES * 2 || line.section === 'skills' || line.text.trim().length === 0) {
      return;
    }
    const words = line.text.trim().split(/\s+/).length;
    // Education lines hold degrees; a short line there can still be a headline ("Web Designer").
    if (line.section === 'education' && (words > 5 || DEGREE_RE.test(line.text))) {
      return;
    }
    const segments = line.text.replace(TITLE_LABEL_RE, '').split(TITLE_SPLIT_RE);
    for (const segment of segments) {
      const cleaned = segment.replace(TITLE_LABEL_RE, '').replace(/[.;"”]+$/, '').trim();
      // Titles are written with a capital ("Senior Data Analyst"); "140 models", "engineers\"" and
      // "AWS Certified Solutions Architect" (a certificate) are not titles held.
      if (cleaned.length < 2 || cleaned.length > 80 || !/^[\p{Lu}]/u.test(cleaned) || /\bcertifi/i.test(cleaned)) {
        continue;
      }
      const match = titleInSegment(cleaned);
      const seenKey = cleaned.toLowerCase().replace(/\s+/g, ' ');
      if (!match || seen.has(seenKey) || !isHeldTitleShape(cleaned, match)) {
        continue;
      }
      seen.add(seenKey);
      const range = findDateRanges(line.text, now)[0] ?? findDateRanges(lines[i + 1]?.text ?? '', now)[0];
      found.push({
        title: cleaned.replace(/\s+/g, ' '),
        key: match.key,
        occupations: match.occupations,
        coverage: match.coverage,
        start: range ? toYearMonth(range.start) : null,
        end: range ? (range.end >= nowIndex ? 'present' : toYearMonth(range.end - 1)) : null,
        order: found.length,
      });
    }
  });
  return found
    .sort((a, b) => Number(b.end === 'present') - Number(a.end === 'present') || a.order - b.order)
    .slice(0, MAX_TITLES)
    .map(({ order: _order, ...title }) => title);
}

/**
 * Features of one resume. `fields` are what field extraction found (local or Groq): the name, e-mail, phone,
 * links and location are blanked before anything else is read; `experienceYears` is used as given, else
 * estimated locally. Skills are the vocabulary's, found in the text, each with the snippet that shows it best
 * (a job that used it before a list that names it).
 */
export function extractCandidateFeatures(text: string, fields: CandidateFieldsInput = {}, options: FeatureOptions = {}): CandidateFeatures {
  const now = options.now ?? new Date();
  const masked = matchingText(text, fields);
  const lines = linesOf(masked);
  const mentions = findSkillMentions(masked);
  const years = skillYears(masked, mentions, jobBlocks(lines, now));
  const skills = skillsWithEvidence(masked, lines, mentions, years);
  const titles = titlesHeld(lines, now);
  const occupations: OccupationRef[] = inferOccupations({
    titles,
    text: masked,
    skills: skills.map((s) => s.name),
  });
  const experienceYears = fields.experienceYears === undefined ? estimateExperienceYears(masked, now) : fields.experienceYears;
  const titleRefs: CandidateTitle[] = titles.map((t) => ({
    title: t.title.slice(0, 120),
    occupation_code: t.occupations[0]?.code ?? null,
    start: t.start,
    end: t.end,
  }));
  return {
    version: MATCHING_SCHEMA_VERSION,
    skills: skills.slice(0, 400),
    titles: titleRefs,
    occupations,
    experience_years: experienceYears === null ? null : Math.min(60, Math.max(0, experienceYears)),
    signature: minhashSignature(masked),
  };
}

/**
 * Features for a candidate stored before features existed (skills and years only): no evidence, titles or
 * occupations, so only the requirements and experience parts can credit it.
 */
export function featuresFromStoredFields(skills: string[], experienceYears: number | null): CandidateFeatures {
  return {
    version: MATCHING_SCHEMA_VERSION,
    skills: skills.map((name) => ({ name, evidence: '', section: 'other' as const, years: null })),
    titles: [],
    occupations: [],
    experience_years: experienceYears,
    signature: minhashSignature(''),
  };
}
