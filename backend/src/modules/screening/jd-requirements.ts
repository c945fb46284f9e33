/**
 * A JD read into requirements (the chips a recruiter edits): must-haves and nice-to-haves, "A or B" as ONE
 * requirement with alternatives, minimum years (overall, and per skill where stated), the occupation(s) the
 * JD is for, soft wording kept apart from hard requirements, and the employer's own name never read as a skill
 * ("Northwind Logistics" is a company, not the skill Logistics). Pure and synchronous.
 */
import {
  MATCHING_SCHEMA_VERSION,
  MAX_EVIDENCE_CHARS,
  jobRequirementsSchema,
  type JobRequirements,
  type Requirement,
} from '@shortlist/contracts';
import { inferJobOccupations } from './occupation-fit.js';
import { isOccupationCode, occupationTitle } from './occupations.js';
import { canonicalizeSkill, findSkillMentions, isSoftSkill, type SkillMention } from './skills.js';

// 'context' is what the JD says about the employer and the offer (about us, benefits, equal opportunity, how to
// apply): a skill named there ("we sell HubSpot integrations", "401(k) and payroll through ADP") is not asked of
// the candidate.
type SectionKind = 'required' | 'preferred' | 'neutral' | 'context';

// Headings that switch the section. Matched against short, heading-like lines only, so a sentence that
// merely contains "required" does not flip the rest of the JD.
const PREFERRED_HEADING =
  /\b(nice[\s-]+to[\s-]+haves?|good[\s-]+to[\s-]+have|preferred|desired|desirable|bonus(?: points)?|pluses|a plus|optional|extra credit|would be (?:a )?(?:plus|great|nice))\b/i;
const REQUIRED_HEADING =
  /\b(requirements?|required|must[\s-]+haves?|qualifications?|what you(?:'ll)? (?:need|bring)|who you are|essential|minimum|basic|skills|experience|you have|your profile|knowledge|abilities|tech(?:nology)? stack)\b/i;
const CONTEXT_HEADING =
  /\b(about (?:us|the company|our company)|benefits|perks|what we offer|we offer|compensation(?: and benefits)?(?= *:?$)|salary|pay range|how to apply|location|who we are|why (?:join|work)|equal (?:employment )?opportunity|eeo|physical demands|working conditions)\b/i;
// The equal-opportunity sentence most postings end with, wherever it stands.
const EQUAL_OPPORTUNITY_RE =
  /\b(?:equal (?:employment )?opportunit(?:y|ies)|affirmative action|without regard to (?:race|age|sex|gender)|regardless of (?:race|age|sex|gender)|protected (?:veteran|class)|reasonable accommodation)/i;
const OTHER_HEADING = /\b(about the (?:team|role|job)|responsibilities|duties|the role|job summary|description|overview)\b/i;

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
  if (CONTEXT_HEADING.test(head)) {
    return 'context';
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

// ---------------------------------------------------------------------------------------------- employers

const NAME_WORD = "[A-Z][A-Za-z0-9&'’.-]*";
const COMPANY_NAME = `${NAME_WORD}(?:[ \\t]+(?:&[ \\t]+)?${NAME_WORD}){0,3}`;
const EMPLOYER_PATTERNS: RegExp[] = [
  // "About Northwind Logistics" (a heading), "Join Northwind Logistics", "at Northwind Logistics, we …"
  new RegExp(`(?:^|\\n)[ \\t]*About[ \\t]+(${COMPANY_NAME})[ \\t]*:?[ \\t]*(?=\\n|$)`, 'g'),
  new RegExp(`\\b(?:[Jj]oin(?:ing)?|[Aa]t|[Ww]ith us at|[Ww]ork(?:ing)? (?:at|for))[ \\t]+(${COMPANY_NAME})(?=[ \\t]*(?:[,.!;:]|\\n|$|[ \\t]+(?:we|you|is|are|as|where|and|has|team)\\b))`, 'g'),
  // "Northwind Logistics is a …", "Northwind Logistics (NASDAQ: NWL) builds …"
  new RegExp(`(?:^|[.!?]\\s+|\\n)(${COMPANY_NAME})[ \\t]+(?:is|are)[ \\t]+(?:a|an|the|one|hiring|looking|seeking|growing|building|on)\\b`, 'g'),
  new RegExp(`\\b(${COMPANY_NAME})[ \\t]+(?:Inc|LLC|Ltd|Limited|GmbH|Corp|Corporation|plc|Pvt)\\b`, 'g'),
];
const NOT_A_COMPANY = new Set(
  'we our you your the this that us a an it they role team job position company candidate candidates applicants here there who what'.split(' '),
);

/**
 * Company names the JD uses for its employer. A name counts only if at least one of its words is not itself a
 * skill ("Northwind Logistics", not "Python"), and never a sentence opener ("We", "This role").
 */
export function employerNames(jd: string): string[] {
  const found = new Set<string>();
  const consider = (raw: string): void => {
    const name = raw.trim().replace(/[.,;:]+$/, '');
    const words = name.split(/\s+/);
    if (name.length < 3 || words.some((w) => NOT_A_COMPANY.has(w.toLowerCase()))) {
      return;
    }
    if (words.every((w) => canonicalizeSkill(w) !== null)) {
      return;
    }
    found.add(name);
  };
  for (const re of EMPLOYER_PATTERNS) {
    re.lastIndex = 0;
    for (const m of jd.matchAll(re)) {
      consider(m[1] ?? '');
    }
  }
  // Line 2 of many postings: "Larkspur Health — Remote (US and UK time zones) or Boston, MA". The JD may
  // arrive with its title prepended, so the first lines after the title line are both looked at.
  for (const line of jd.split('\n').map((l) => l.trim()).filter((l) => l.length > 0).slice(1, 3)) {
    const lead = /^([A-Z][^—–|]{1,60}?)\s+[—–|]\s+/.exec(line)?.[1];
    if (lead && new RegExp(`^${COMPANY_NAME}$`).test(lead)) {
      consider(lead);
    }
  }
  return [...found].slice(0, 10);
}

function maskNames(text: string, names: string[]): string {
  let out = text;
  for (const name of [...names].sort((a, b) => b.length - a.length)) {
    out = out.split(name).join(' '.repeat(name.length));
  }
  return out;
}

// ---------------------------------------------------------------------------------------------- requirements

// What may join two skills into ONE requirement with alternatives: "A or B", "A/B", "A, B, or C".
const OR_JOINER_RE = /^\s*(?:,?\s*(?:or|and\/or)|\/|\s*\|\s*)\s*$/i;
const LIST_JOINER_RE = /^\s*,\s*$/;
// "one of A, B, C", "such as A, B and C", "e.g. A, B", "like A or B", "any of": a list of examples, any one suffices.
const EXAMPLES_BEFORE_RE = /\b(?:one of|any of|either|such as|e\.g\.?|eg\.?|for example|for instance|like|including|(?:at least )?one (?:or more )?(?:of )?the following)\s*[:(]?\s*$/i;
// "3+ years of Python", "5 years' experience with React": years right before a skill belong to it.
const YEARS_BEFORE_SKILL_RE = /(\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten)\s*\+?\s*(?:\(\d{1,2}\)\s*)?(?:years?|yrs?)['’]?\s+(?:of\s+)?(?:(?:hands[- ]on|professional|commercial|production|solid|strong|proven|relevant|working)\s+)*(?:experience\s+)?(?:(?:in|with|using|on|of|building|developing)\s+)?$/i;
const SOFT_WORDING_RE =
  /\b(team player|self[- ]starter|self[- ]motivated|detail[- ]oriented|attention to detail|fast learner|quick learner|go-getter|positive attitude|work ethic|proactive|passionate|ownership mindset|growth mindset|customer[- ]focused|adaptab(?:le|ility)|flexib(?:le|ility)|multi-?task(?:ing)?|interpersonal|collaborat(?:ive|ion)|organi[sz]ational skills|problem[- ]solv(?:er|ing)|communication skills|verbal and written|written and verbal)\b/gi;

interface Group {
  skills: string[];
  kind: 'must' | 'nice';
  minYears: number | null;
  snippet: string;
}

function wordNumber(raw: string): number {
  return WORD_NUMBERS[raw.toLowerCase()] ?? Number(raw);
}

function snippet(segment: string): string {
  const s = segment.replace(/\s+/g, ' ').trim();
  return s.length <= MAX_EVIDENCE_CHARS ? s : `${s.slice(0, MAX_EVIDENCE_CHARS - 1).replace(/\s+\S*$/, '')}…`;
}

/** Requirement groups of one segment: runs of skills joined by "or" (or under "one of / such as") are one group. */
function groupsOf(segment: string, mentions: SkillMention[], kind: 'must' | 'nice'): Group[] {
  const groups: Group[] = [];
  let current: { skills: string[]; isExamples: boolean; start: number } | null = null;
  let pendingComma: string[] = [];
  const flush = (): void => {
    if (current) {
      groups.push({ skills: current.skills, kind, minYears: null, snippet: snippet(segment) });
    }
    for (const s of pendingComma) {
      groups.push({ skills: [s], kind, minYears: null, snippet: snippet(segment) });
    }
    current = null;
    pendingComma = [];
  };
  mentions.forEach((m, i) => {
    const prev = mentions[i - 1];
    const between = prev ? segment.slice(prev.end, m.start) : '';
    if (!current || !prev) {
      flush();
      current = { skills: [m.canonical], isExamples: EXAMPLES_BEFORE_RE.test(segment.slice(Math.max(0, m.start - 40), m.start)), start: m.start };
      return;
    }
    if (OR_JOINER_RE.test(between)) {
      // "A, B or C": the commas before an "or" were alternatives too.
      current.skills.push(...pendingComma, m.canonical);
      pendingComma = [];
      return;
    }
    if (LIST_JOINER_RE.test(between) || (current.isExamples && /^\s*(?:,|,?\s*and)\s*$/i.test(between))) {
      if (current.isExamples) {
        current.skills.push(m.canonical);
      } else {
        pendingComma.push(m.canonical);
      }
      return;
    }
    // "A, B and C" or anything else in between: separate requirements.
    flush();
    current = { skills: [m.canonical], isExamples: EXAMPLES_BEFORE_RE.test(segment.slice(Math.max(0, m.start - 40), m.start)), start: m.start };
  });
  // Commas that never met an "or" were a plain list: one requirement each.
  const last = current as { skills: string[]; isExamples: boolean; start: number } | null;
  if (last && !last.isExamples && pendingComma.length > 0) {
    groups.push({ skills: last.skills, kind, minYears: null, snippet: snippet(segment) });
    for (const s of pendingComma) {
      groups.push({ skills: [s], kind, minYears: null, snippet: snippet(segment) });
    }
  } else {
    flush();
  }
  return groups.map((g) => ({ ...g, skills: [...new Set(g.skills)] }));
}

/**
 * Parses a JD into requirements. The title names the occupation first; the text adds skills, years and what
 * the job is about. Skills under "nice to have" / "preferred" headings, or on lines that call them a plus, are
 * nice-to-haves; a skill named in both places is a must-have. Soft skills and soft wording go to `soft_skills`.
 * Minimum years overall is the largest minimum stated outside preferred context for experience in general
 * ("5+ years of software development"), else the largest stated for any must-have skill.
 */
export function parseJobRequirements(title: string, description: string): JobRequirements {
  const employers = employerNames(`${title}\n${description}`);
  const text = maskNames(description, employers);
  const groups: Group[] = [];
  const soft = new Set<string>();
  let overallYears: number | null = null;
  let skillYearsMax: number | null = null;
  let section: SectionKind = 'neutral';
  // The skill a title names is what the job is about ("Java Developer", "Software Developer - .NET"): a must-have.
  // The text without what it says about the employer and the offer: what the job is (equal-opportunity
  // boilerplate is not about an equal-opportunity officer's job).
  const aboutTheJob: string[] = [];
  const titleMentions = findSkillMentions(title).filter((m) => !isSoftSkill(m.canonical));
  groups.push(...groupsOf(title, titleMentions, 'must'));

  for (const segment of jdSegments(text)) {
    // "Nice to have: Docker, AWS" — the heading and its content share one segment.
    const colon = /^\s*([^:]{2,60}):\s*(.*)$/.exec(segment);
    const inlineKind = colon ? classifyHeading(colon[1] ?? '') : null;
    // "About Northwind Logistics" reads "About" once the employer's name is blanked.
    const heading = inlineKind ?? (/^\s*about\s*:?\s*$/i.test(segment) ? 'context' : headingKind(segment));
    if (heading !== null) {
      section = heading;
    }
    if (section === 'context' || EQUAL_OPPORTUNITY_RE.test(segment)) {
      continue;
    }
    aboutTheJob.push(segment);
    const content = inlineKind !== null ? (colon?.[2] ?? '') : segment;
    const isPreferred = section === 'preferred' || PREFERRED_INLINE.test(content);
    for (const m of content.matchAll(SOFT_WORDING_RE)) {
      soft.add((m[1] ?? m[0]).toLowerCase());
    }
    const mentions = findSkillMentions(content).filter((m) => {
      if (isSoftSkill(m.canonical)) {
        soft.add(m.canonical);
        return false;
      }
      return true;
    });
    const kind = isPreferred ? 'nice' : 'must';
    const segmentGroups = groupsOf(content, mentions, kind);
    // Years that sit right before a skill ("3+ years of Python") belong to its group.
    let attached = false;
    for (const g of segmentGroups) {
      const first = mentions.find((m) => m.canonical === g.skills[0]);
      const before = first ? YEARS_BEFORE_SKILL_RE.exec(content.slice(Math.max(0, first.start - 70), first.start)) : null;
      if (before?.[1] && !NOT_EXPERIENCE.test(content)) {
        const years = wordNumber(before[1]);
        if (years > 0 && years <= MAX_PLAUSIBLE_YEARS) {
          g.minYears = years;
          attached = true;
          if (!isPreferred) {
            skillYearsMax = Math.max(skillYearsMax ?? 0, years);
          }
        }
      }
    }
    if (!isPreferred && !attached) {
      const years = yearsMentioned(content);
      if (years !== null) {
        overallYears = Math.max(overallYears ?? 0, years);
      }
    }
    groups.push(...segmentGroups);
  }

  const requirements = mergeGroups(groups);
  const mustSkills = requirements.filter((r) => r.kind === 'must').flatMap((r) => r.alternatives);
  return {
    version: MATCHING_SCHEMA_VERSION,
    requirements,
    min_years_overall: overallYears ?? skillYearsMax,
    occupations: inferJobOccupations(title, aboutTheJob.join('\n'), mustSkills.length > 0 ? mustSkills : requirements.flatMap((r) => r.alternatives)),
    // "communication skills" is already there as Communication.
    soft_skills: [...soft].filter((w) => w !== w.toLowerCase() || ![...soft].some((c) => c !== w && w.includes(c.toLowerCase()))).slice(0, 30),
    employer_names: employers,
  };
}

const MAX_REQUIREMENTS = 40;

/**
 * One requirement per distinct skill set, in JD order: a skill already required on its own is dropped from
 * later alternative groups; a must-have anywhere makes the requirement a must-have.
 */
function mergeGroups(groups: Group[]): Requirement[] {
  const byKey = new Map<string, Group>();
  const single = new Set(groups.filter((g) => g.skills.length === 1 && g.kind === 'must').map((g) => g.skills[0] ?? ''));
  for (const g of groups) {
    const skills = g.skills.length > 1 ? g.skills.filter((s) => !single.has(s)) : g.skills;
    if (skills.length === 0) {
      continue;
    }
    const key = [...skills].sort().join('|');
    const existing = byKey.get(key);
    if (existing) {
      existing.kind = existing.kind === 'must' || g.kind === 'must' ? 'must' : 'nice';
      existing.minYears = Math.max(existing.minYears ?? 0, g.minYears ?? 0) || null;
      continue;
    }
    byKey.set(key, { ...g, skills });
  }
  // A skill that is a must-have on its own needs no nice-to-have chip too.
  const out = [...byKey.values()].filter((g) => !(g.kind === 'nice' && g.skills.length === 1 && single.has(g.skills[0] ?? '')));
  return out.slice(0, MAX_REQUIREMENTS).map((g, i) => ({
    id: `r${i + 1}`,
    label: g.skills.join(' or '),
    kind: g.kind,
    alternatives: g.skills,
    min_years: g.minYears,
    source: 'jd' as const,
    jd_snippet: g.snippet,
  }));
}

export interface RequirementsProblem {
  requirementId: string;
  message: string;
}

/**
 * Validates requirements a recruiter edited and sends back: the contract's shape, then every alternative
 * canonicalised against the vocabulary ("postgres" → PostgreSQL). Unknown skills are reported, not guessed:
 * the stored features only know vocabulary skills, so an unknown one could never be met.
 */
export function normaliseEditedRequirements(input: unknown): { requirements: JobRequirements; problems: RequirementsProblem[] } {
  const parsed = jobRequirementsSchema.parse(input);
  const problems: RequirementsProblem[] = [];
  const seenIds = new Set<string>();
  const requirements = parsed.requirements.map((r) => {
    if (seenIds.has(r.id)) {
      problems.push({ requirementId: r.id, message: `Requirement id ${r.id} is used twice` });
    }
    seenIds.add(r.id);
    const alternatives: string[] = [];
    for (const alt of r.alternatives) {
      const canonical = canonicalizeSkill(alt);
      if (canonical === null) {
        problems.push({ requirementId: r.id, message: `"${alt}" is not a skill Shortlist knows; pick one from the suggestions` });
      } else if (!alternatives.includes(canonical)) {
        alternatives.push(canonical);
      }
    }
    return { ...r, alternatives: alternatives.length > 0 ? alternatives : r.alternatives };
  });
  const occupations = parsed.occupations.map((o) => {
    if (!isOccupationCode(o.code)) {
      problems.push({ requirementId: '', message: `Occupation ${o.code} is not an O*NET-SOC code Shortlist knows` });
      return o;
    }
    return { ...o, title: occupationTitle(o.code) ?? o.title };
  });
  return { requirements: { ...parsed, requirements, occupations }, problems };
}
