import { findSkills, isSoftSkill } from './skills.js';
import type { JobRequirements } from './types.js';

/**
 * What a JD asks for, plus what it only prefers. `requiredSkills`/`requiredYears` are the
 * `JobRequirements` the score uses; `preferredSkills` is informational (never counted as missing).
 */
export interface ParsedJobRequirements extends JobRequirements {
  preferredSkills: string[];
}

type SectionKind = 'required' | 'preferred' | 'neutral';

// Headings that switch the section. Matched against short, heading-like lines only, so a sentence that
// merely contains "required" does not flip the rest of the JD.
const PREFERRED_HEADING =
  /\b(nice[\s-]+to[\s-]+haves?|good[\s-]+to[\s-]+have|preferred|desired|desirable|bonus(?: points)?|pluses|a plus|optional|extra credit|would be (?:a )?(?:plus|great|nice))\b/i;
const REQUIRED_HEADING =
  /\b(requirements?|required|must[\s-]+haves?|qualifications?|what you(?:'ll)? (?:need|bring)|who you are|essential|minimum|basic|skills|experience|you have|your profile|knowledge|abilities|tech(?:nology)? stack)\b/i;
const OTHER_HEADING =
  /\b(about (?:us|the (?:company|team|role|job))|benefits|perks|what we offer|we offer|compensation|salary|how to apply|location|responsibilities|duties|the role|job summary|description|overview|who we are|why join|equal opportunity|physical demands)\b/i;

// A line that names a preference inline ("Docker is a plus", "AWS preferred") is preferred on its own.
const PREFERRED_INLINE =
  /\b(nice[\s-]+to[\s-]+have|good[\s-]+to[\s-]+have|is a (?:big )?plus|are a (?:big )?plus|a plus\b|preferred|bonus|desirable|desired|advantageous|an advantage|would be (?:a )?(?:plus|great|nice)|not required|optional)\b/i;

const BULLET = /^\s*(?:[-*•·▪‣◦–]|\d+[.)])\s+/;

function isHeadingLike(line: string): boolean {
  const trimmed = line.trim();
  if (trimmed.length === 0 || trimmed.length > 60 || BULLET.test(line)) {
    return false;
  }
  // A heading ends with ':' or has no sentence punctuation and only a few words.
  return trimmed.endsWith(':') || (!/[.;!?,]$/.test(trimmed) && trimmed.split(/\s+/).length <= 7);
}

function headingKind(line: string): SectionKind | null {
  if (!isHeadingLike(line)) {
    return null;
  }
  return classifyHeading(line.split(':')[0] ?? line);
}

const WORD_NUMBERS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  fifteen: 15,
};
const NUM = `(\\d{1,2}(?:\\.\\d)?|${Object.keys(WORD_NUMBERS).join('|')})`;
const YEARS = `(?:\\(\\d{1,2}\\)\\s*)?(?:\\+\\s*)?(?:years?|yrs?)`;
// Each pattern captures the minimum the JD asks for; ranges ("3-5 years") count from their lower bound.
const YEAR_PATTERNS: RegExp[] = [
  new RegExp(`\\b${NUM}\\s*(?:-|–|to)\\s*${NUM}\\s*\\+?\\s*${YEARS}`, 'gi'),
  new RegExp(`\\b(?:at least|minimum(?: of)?|min\\.?|no less than|over|more than)\\s+${NUM}\\s*\\+?\\s*${YEARS}`, 'gi'),
  new RegExp(`\\b${NUM}\\s*\\+\\s*${YEARS}`, 'gi'),
  new RegExp(`\\b${NUM}\\s*${YEARS}\\s*(?:\\+|or more|or greater|minimum)`, 'gi'),
  new RegExp(`\\b${NUM}\\s*${YEARS}\\s*(?:of\\s+)?(?:\\w+\\s+){0,4}?(?:experience|exp\\b|in\\b|with\\b|working|developing|building)`, 'gi'),
];
// Years that describe something other than the candidate's experience ("founded 20 years ago").
const NOT_EXPERIENCE = /\b(ago|old|founded|history|since|anniversary|warranty|guarantee)\b/i;
const MAX_PLAUSIBLE_YEARS = 20;

function toNumber(raw: string): number | null {
  const lower = raw.toLowerCase();
  const n = WORD_NUMBERS[lower] ?? Number.parseFloat(lower);
  return Number.isFinite(n) ? n : null;
}

/** Years of experience a line of JD text asks for, or null. */
export function yearsMentioned(line: string): number | null {
  if (NOT_EXPERIENCE.test(line)) {
    return null;
  }
  let best: number | null = null;
  for (const pattern of YEAR_PATTERNS) {
    pattern.lastIndex = 0;
    for (const m of line.matchAll(pattern)) {
      const n = m[1] === undefined ? null : toNumber(m[1]);
      if (n !== null && n > 0 && n <= MAX_PLAUSIBLE_YEARS) {
        best = best === null ? n : Math.max(best, n);
      }
    }
    // The first pattern family that matches wins, so "3-5 years" is read as 3, not also as "5 years".
    if (best !== null) {
      return best;
    }
  }
  return best;
}

const HEADING_WORDS = new Set(
  (
    'nice to have haves good preferred desired desirable bonus points plus optional not required requirements requirement ' +
    'must minimum basic key core essential qualifications qualification skills skill experience what you will need bring ' +
    'who are your profile knowledge abilities tech technology technical stack about us the company team role job benefits ' +
    'perks we offer compensation salary location responsibilities duties summary description overview education and &'
  ).split(' '),
);
const HEADING_WITH_COLON = /((?:[A-Za-z()'&/-]+[ \t]+){0,3}[A-Za-z()'&/-]+)[ \t]*:(?!\/\/)/g;

function classifyHeading(head: string): SectionKind | null {
  if (PREFERRED_HEADING.test(head)) {
    return 'preferred';
  }
  if (OTHER_HEADING.test(head)) {
    return 'neutral';
  }
  if (REQUIRED_HEADING.test(head)) {
    return 'required';
  }
  return null;
}

/**
 * Lines, then sentences, then a break before every recognised "Heading:" — many real JDs are pasted as one
 * long line ("Minimum Required Skills: Java, SQL ... Preferred Qualifications: ..."), so the line structure
 * alone cannot carry the sections.
 */
export function jdSegments(jdText: string): string[] {
  const withBreaks = jdText.replace(HEADING_WITH_COLON, (match: string, head: string, offset: number) => {
    // The regex may take words of the previous sentence ("… in TypeScript Preferred Qualifications:"); the
    // heading is the longest tail made only of heading words.
    const parts = head.split(/([ \t]+)/); // words at even indexes, separators at odd ones
    let first = parts.length + 1;
    while (first >= 2 && HEADING_WORDS.has((parts[first - 2] ?? '').toLowerCase().replace(/[()]/g, ''))) {
      first -= 2;
    }
    const heading = parts.slice(first).join('');
    if (heading.length === 0 || classifyHeading(heading) === null || (offset === 0 && first === 0)) {
      return match;
    }
    return `${parts.slice(0, first).join('')}\n${match.slice(head.length - heading.length)}`;
  });
  return withBreaks.split(/\r?\n/).flatMap((line) => line.split(/(?<=[.!?])\s+(?=[A-Z(])/));
}

/**
 * Parses a JD into required skills (canonical names), preferred-only skills and required years.
 * Skills named only under "nice to have"/"preferred" headings, or on lines that call them a plus,
 * are preferred, never required; a skill named in both places is required.
 * Required years is the largest stated minimum outside preferred context ("5+ years of software
 * development, 2+ years of React" asks for 5), or null when the JD states none.
 */
export function parseJobRequirements(jdText: string): ParsedJobRequirements {
  const required: string[] = [];
  const preferred: string[] = [];
  let requiredYears: number | null = null;
  let section: SectionKind = 'neutral';

  for (const segment of jdSegments(jdText)) {
    // "Nice to have: Docker, AWS" — the heading and its content share one segment.
    const colon = /^\s*([^:]{2,60}):\s*(.*)$/.exec(segment);
    const inlineKind = colon ? classifyHeading(colon[1] ?? '') : null;
    const heading = inlineKind ?? headingKind(segment);
    if (heading !== null) {
      section = heading;
    }
    const content = inlineKind !== null ? (colon?.[2] ?? '') : segment;
    const isPreferredLine = section === 'preferred' || PREFERRED_INLINE.test(content);
    const skills = findSkills(content);
    (isPreferredLine ? preferred : required).push(...skills);
    if (!isPreferredLine) {
      const years = yearsMentioned(content);
      if (years !== null) {
        requiredYears = requiredYears === null ? years : Math.max(requiredYears, years);
      }
    }
  }

  // Soft skills stay informational: resumes seldom list "Communication", so requiring it would penalise everyone.
  const requiredSkills = [...new Set(required)].filter((s) => !isSoftSkill(s));
  const requiredSet = new Set(requiredSkills);
  const preferredSkills = [...new Set([...preferred, ...required])].filter((s) => !requiredSet.has(s));
  return { requiredSkills, preferredSkills, requiredYears };
}
