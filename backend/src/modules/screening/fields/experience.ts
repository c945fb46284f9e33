/**
 * Years of experience from a resume: the union of the work date ranges ("Jan 2019 – Present", "2016-2020",
 * "03/2018 - 06/2021"), overlaps merged, "Present" = now; ranges under Education, Projects and other
 * non-work headings are left out. An explicit claim ("8+ years of experience") is used when no range can be
 * read, or when it is larger than the ranges (resumes often list only their recent jobs).
 */
import { headingKind, sectionLines, type SectionKind } from './sections.js';

const MONTHS: Record<string, number> = {
  jan: 0,
  feb: 1,
  mar: 2,
  apr: 3,
  may: 4,
  jun: 5,
  jul: 6,
  aug: 7,
  sep: 8,
  oct: 9,
  nov: 10,
  dec: 11,
};
const SEASONS: Record<string, number> = { winter: 0, spring: 3, summer: 6, fall: 8, autumn: 8 };

const MONTH_SRC =
  '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const SEASON_SRC = '(?:winter|spring|summer|fall|autumn)';
const YEAR_SRC = '(?:19[5-9]\\d|20\\d\\d)';
// One side of a range: "Jan 2019", "January, 2019", "Jan '19", "03/2018", "2018/03", "2018".
const DATE_SRC = `(?:(?:${MONTH_SRC}|${SEASON_SRC})\\s*,?\\s*(?:${YEAR_SRC}|'\\d\\d)|(?:0?[1-9]|1[0-2])\\s*[/.-]\\s*${YEAR_SRC}|${YEAR_SRC}\\s*[/.-]\\s*(?:0?[1-9]|1[0-2])(?![\\d])|${YEAR_SRC})`;
const PRESENT_SRC =
  '(?:present|current(?:ly)?|now|today|ongoing|till\\s+(?:date|now|today)|to\\s+date|date|continuing|running)';
const RANGE_RE = new RegExp(
  `(?<![\\w/.])(${DATE_SRC})\\s*(?:-{1,2}|–|—|~|to|till|until|through|thru)\\s*(${DATE_SRC}|${PRESENT_SRC})(?![\\w/])`,
  'gi',
);

// Lines about studies, even outside an "Education" heading.
const EDUCATION_LINE_RE =
  /\b(?:b\.?\s?tech|m\.?\s?tech|b\.?\s?e\b|m\.?\s?e\b|b\.?\s?sc|m\.?\s?sc|b\.?\s?com|m\.?\s?com|b\.?\s?a\b|m\.?\s?a\b|bca|mca|bba|mba|ph\.?\s?d|bachelor|master'?s?\b|degree|diploma|gpa|cgpa|sgpa|graduat|university|college|school|institute of|higher secondary|ssc|hsc|cbse|icse|10th|12th|class x|matriculation|coursework|semester)/i;
const DEGREE_LINE_RE =
  /\b(?:b\.?\s?tech|m\.?\s?tech|b\.?\s?sc|m\.?\s?sc|bachelor|master of|master's|mba|ph\.?\s?d|gpa|cgpa|graduation|expected|coursework|semester|10th|12th|hsc|ssc)\b/i;

/** Months since year 0, so ranges can be merged with integer arithmetic. */
type MonthIndex = number;

function parseDateSide(raw: string, isEnd: boolean): MonthIndex | null {
  const s = raw.toLowerCase().replace(/\s+/g, ' ').trim();
  const monthYear = /^([a-z]+)\.?\s*,?\s*(\d{4}|'\d\d)$/.exec(s);
  if (monthYear) {
    const word = monthYear[1] ?? '';
    const month = MONTHS[word.slice(0, 3)] ?? SEASONS[word];
    const yearText = monthYear[2] ?? '';
    const year = yearText.startsWith("'") ? 2000 + Number(yearText.slice(1)) : Number(yearText);
    if (month === undefined) {
      return null;
    }
    // An end month counts in full: "Jan 2019 – Mar 2019" is three months.
    return year * 12 + month + (isEnd ? 1 : 0);
  }
  const numeric = /^(\d{1,2})\s*[/.-]\s*(\d{4})$/.exec(s) ?? null;
  if (numeric) {
    return Number(numeric[2]) * 12 + Number(numeric[1]) - 1 + (isEnd ? 1 : 0);
  }
  const isoish = /^(\d{4})\s*[/.-]\s*(\d{1,2})$/.exec(s);
  if (isoish) {
    return Number(isoish[1]) * 12 + Number(isoish[2]) - 1 + (isEnd ? 1 : 0);
  }
  if (/^\d{4}$/.test(s)) {
    // Year only: "2012 – 2017" reads as five years, so both ends take January.
    return Number(s) * 12;
  }
  return null;
}

export interface DateRange {
  start: MonthIndex;
  end: MonthIndex;
  section: SectionKind;
  line: string;
  /** Index of the line in the text: ranges of one line share its classification. */
  lineIndex: number;
}

/** Every date range in the text with the section it was found in (for tests and tuning). */
export function findDateRanges(text: string, now: Date = new Date()): DateRange[] {
  const nowIndex = now.getUTCFullYear() * 12 + now.getUTCMonth() + 1;
  const ranges: DateRange[] = [];
  const lines = sectionLines(text.split('\n'));
  lines.forEach(({ text: line, section }, i) => {
    RANGE_RE.lastIndex = 0;
    // A range split over two lines ("2017 –" / "Present") is joined with the next line.
    const probe = /[-–—]\s*$/.test(line) ? `${line} ${lines[i + 1]?.text ?? ''}` : line;
    for (const m of probe.matchAll(RANGE_RE)) {
      const start = parseDateSide(m[1] ?? '', false);
      const endText = m[2] ?? '';
      const end =
        /^\D/.test(endText) && !/^[a-z]+\.?\s*,?\s*(?:\d{4}|'\d\d)$/i.test(endText.trim())
          ? nowIndex
          : parseDateSide(endText, true);
      if (start === null || end === null || end <= start || start > nowIndex) {
        continue;
      }
      ranges.push({ start, end: Math.min(end, nowIndex), section, line, lineIndex: i });
    }
  });
  return ranges;
}

function isWorkRange(range: DateRange, hasWorkSection: boolean, lineTest: (re: RegExp, range: DateRange) => boolean): boolean {
  switch (range.section) {
    case 'work':
      return !lineTest(DEGREE_LINE_RE, range);
    case 'header':
    case 'summary':
      // Without any experience heading, undated-section ranges are the best evidence there is.
      return !hasWorkSection && !lineTest(EDUCATION_LINE_RE, range);
    case 'education':
    case 'projects':
    case 'skills':
    case 'other':
      return false;
  }
}

/** Total months covered by the ranges, overlaps counted once. */
export function mergedMonths(ranges: Array<{ start: number; end: number }>): number {
  const sorted = [...ranges].sort((a, b) => a.start - b.start);
  let total = 0;
  let currentStart: number | null = null;
  let currentEnd = 0;
  for (const { start, end } of sorted) {
    if (currentStart === null || start > currentEnd) {
      if (currentStart !== null) {
        total += currentEnd - currentStart;
      }
      currentStart = start;
      currentEnd = end;
    } else {
      currentEnd = Math.max(currentEnd, end);
    }
  }
  if (currentStart !== null) {
    total += currentEnd - currentStart;
  }
  return total;
}

const STATED_YEARS_RE =
  /(?:(?:over|more than|nearly|almost|about|around|approximately|~)\s+)?(\d{1,2}(?:\.\d{1,2})?)\s*\+?\s*(?:years?|yrs?\.?)(?:\s*(?:and\s*)?\d{1,2}\s*months?)?\s*(?:of\s+)?(?:(?:total|overall|rich|solid|proven|hands[- ]on|professional|industry|relevant|it|work|working|extensive|strong|progressive|combined)\s+){0,3}(?:experience|exp\b|expertise|in the industry|in industry|of work)/gi;
const TOTAL_EXPERIENCE_RE =
  /(?:total|overall)\s+(?:work\s+)?experience\s*[:\-–]?\s*(\d{1,2}(?:\.\d{1,2})?)\s*\+?\s*(?:years?|yrs?)/gi;

/** The largest explicit claim of total experience ("8+ years of experience"), or null. */
export function statedYears(text: string): number | null {
  let best: number | null = null;
  for (const re of [STATED_YEARS_RE, TOTAL_EXPERIENCE_RE]) {
    re.lastIndex = 0;
    for (const m of text.matchAll(re)) {
      const years = Number(m[1]);
      if (Number.isFinite(years) && years > 0 && years <= 50) {
        best = best === null ? years : Math.max(best, years);
      }
    }
  }
  return best;
}

/** Years of work experience, one decimal; null when the resume gives no usable dates or claim. */
export function estimateExperienceYears(text: string, now: Date = new Date()): number | null {
  const ranges = findDateRanges(text, now);
  const hasWorkSection = text.split('\n').some((line) => headingKind(line) === 'work');
  // A line is tested once per pattern, however many ranges it holds (one long line can hold thousands).
  const tested = new Map<RegExp, Map<number, boolean>>();
  const lineTest = (re: RegExp, range: DateRange) => {
    const byLine = tested.get(re) ?? new Map<number, boolean>();
    tested.set(re, byLine);
    let result = byLine.get(range.lineIndex);
    if (result === undefined) {
      result = re.test(range.line);
      byLine.set(range.lineIndex, result);
    }
    return result;
  };
  const work = ranges.filter((r) => isWorkRange(r, hasWorkSection, lineTest));
  const months = mergedMonths(work);
  const stated = statedYears(text);
  if (months > 0) {
    const fromRanges = Math.round((months / 12) * 10) / 10;
    // Resumes often list only recent jobs under a stated total ("13 years of experience"); a larger
    // explicit claim wins over the partial ranges.
    return stated !== null && stated > fromRanges ? stated : fromRanges;
  }
  return stated;
}
