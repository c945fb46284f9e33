/**
 * The resume data model shared by the sample generator, the benchmark corpus and the renderers,
 * plus the date arithmetic that defines what "years of experience" means for the ground truth.
 */

/** A calendar month; `month` is 1–12. */
export interface YearMonth {
  year: number;
  month: number;
}

/**
 * How a resume writes its date ranges. Each style is something real resumes use:
 * `mon-yyyy` "Jan 2019", `month-yyyy` "January 2019", `mm/yyyy` "03/2018", `yyyy` "2016".
 */
export type DateStyle = 'mon-yyyy' | 'month-yyyy' | 'mm/yyyy' | 'yyyy';

/** The separator between the two ends of a range, e.g. " – " (en dash), " - ", " to ". */
export type RangeSeparator = ' – ' | ' - ' | ' to ' | ' — ';

export interface ResumeJob {
  title: string;
  company: string;
  location?: string;
  start: YearMonth;
  end: YearMonth | 'present';
  bullets: string[];
}

export interface ResumeEducation {
  degree: string;
  school: string;
  location?: string;
  start: YearMonth;
  end: YearMonth;
  note?: string;
}

export interface SkillGroup {
  /** Shown before the items ("Languages: …"); omitted for a flat list. */
  label?: string;
  /** As written on the resume: aliases such as "k8s", "Postgres", "ReactJS" are deliberate. */
  items: string[];
}

export interface ExtraSection {
  heading: string;
  items: string[];
  /** Two-column PDF only: long sections (projects, publications) belong in the main column. */
  column?: 'side' | 'main';
}

export type SectionKey = 'summary' | 'skills' | 'experience' | 'education';

export interface Resume {
  name: string;
  /** The line under the name; usually the current title. */
  headline: string;
  email: string;
  /** Exactly as printed on the resume. */
  phone: string;
  location: string;
  links: string[];
  summary: string;
  skills: SkillGroup[];
  /** Most recent first, as resumes are written. */
  experience: ResumeJob[];
  education: ResumeEducation[];
  extras: ExtraSection[];
  dateStyle: DateStyle;
  separator: RangeSeparator;
  /** Section titles as this resume words them ("Work History", "Technical Skills", …). */
  headings: Record<SectionKey, string>;
  /** Hex colour used for headings and rules. */
  accent: string;
}

export const DEFAULT_HEADINGS: Record<SectionKey, string> = {
  summary: 'Summary',
  skills: 'Skills',
  experience: 'Experience',
  education: 'Education',
};

const MONTHS_SHORT = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const MONTHS_LONG = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

export function ym(year: number, month: number): YearMonth {
  if (!Number.isInteger(month) || month < 1 || month > 12) {
    throw new RangeError(`month must be 1–12, got ${month}`);
  }
  return { year, month };
}

export function formatYearMonth(value: YearMonth, style: DateStyle): string {
  switch (style) {
    case 'mon-yyyy':
      return `${MONTHS_SHORT[value.month - 1]} ${value.year}`;
    case 'month-yyyy':
      return `${MONTHS_LONG[value.month - 1]} ${value.year}`;
    case 'mm/yyyy':
      return `${String(value.month).padStart(2, '0')}/${value.year}`;
    case 'yyyy':
      return String(value.year);
  }
}

export function formatRange(
  start: YearMonth,
  end: YearMonth | 'present',
  style: DateStyle,
  separator: RangeSeparator,
): string {
  const endText = end === 'present' ? 'Present' : formatYearMonth(end, style);
  return `${formatYearMonth(start, style)}${separator}${endText}`;
}

function monthIndex(value: YearMonth): number {
  return value.year * 12 + (value.month - 1);
}

/**
 * The months a job covers, as a half-open interval of month indexes [start, end).
 * Month-precise ranges include both end months ("Jan 2019 – Mar 2019" is 3 months, and a job ending
 * in Feb followed by one starting in Mar leaves no gap); "Present" includes the `asOf` month.
 * A year-only range ("2016 - 2020") reads both ends as January, i.e. 4 years — what a recruiter
 * reads by eye — so its covered months are 2016-01 … 2019-12.
 */
export function coveredMonths(
  job: Pick<ResumeJob, 'start' | 'end'>,
  style: DateStyle,
  asOf: YearMonth,
): [number, number] {
  const yearOnly = style === 'yyyy';
  const start = yearOnly ? job.start.year * 12 : monthIndex(job.start);
  if (job.end === 'present') {
    return [start, monthIndex(asOf) + 1];
  }
  return [start, yearOnly ? job.end.year * 12 : monthIndex(job.end) + 1];
}

/**
 * Total months of professional experience: the union of all job ranges (overlapping or touching
 * ranges merged, gaps not counted). Education is never included.
 */
export function experienceMonths(resume: Pick<Resume, 'experience' | 'dateStyle'>, asOf: YearMonth): number {
  const spans = resume.experience
    .map((job) => coveredMonths(job, resume.dateStyle, asOf))
    .filter(([from, to]) => to > from)
    .sort((a, b) => a[0] - b[0]);
  let total = 0;
  let current: [number, number] | null = null;
  for (const [from, to] of spans) {
    if (current !== null && from <= current[1]) {
      current[1] = Math.max(current[1], to);
    } else {
      if (current !== null) {
        total += current[1] - current[0];
      }
      current = [from, to];
    }
  }
  if (current !== null) {
    total += current[1] - current[0];
  }
  return total;
}

/** Years of experience rounded to one decimal, the unit `experience_years` uses. */
export function experienceYears(resume: Pick<Resume, 'experience' | 'dateStyle'>, asOf: YearMonth): number {
  return Math.round((experienceMonths(resume, asOf) / 12) * 10) / 10;
}

/** Each job's covered months as ISO months, first and last inclusive ("present" for ongoing roles). */
export function experienceRangesIso(
  resume: Pick<Resume, 'experience' | 'dateStyle'>,
): Array<{ start: string; end: string }> {
  const iso = (index: number): string =>
    `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
  return resume.experience.map((job) => {
    // asOf only matters for "present", which is reported as such.
    const [from, to] = coveredMonths(job, resume.dateStyle, job.start);
    return { start: iso(from), end: job.end === 'present' ? 'present' : iso(to - 1) };
  });
}

/** mulberry32: tiny, fast and good enough to make every generated byte depend only on the seed. */
export function createRng(seed: number): Rng {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => {
      if (items.length === 0) {
        throw new RangeError('cannot pick from an empty list');
      }
      return items[Math.floor(next() * items.length)] as T;
    },
    sample: <T>(items: readonly T[], count: number): T[] => {
      const pool = [...items];
      const out: T[] = [];
      while (out.length < count && pool.length > 0) {
        out.push(pool.splice(Math.floor(next() * pool.length), 1)[0] as T);
      }
      return out;
    },
    chance: (p) => next() < p,
  };
}

export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  /** `count` distinct items in random order. */
  sample<T>(items: readonly T[], count: number): T[];
  chance(p: number): boolean;
}
