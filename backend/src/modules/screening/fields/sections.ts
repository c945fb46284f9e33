/**
 * Resume section detection: which heading each line sits under. Dates under "Education" are not work
 * experience; the first lines before any heading are the header (name, contact details).
 */
export type SectionKind = 'header' | 'work' | 'education' | 'projects' | 'skills' | 'summary' | 'other';

const HEADINGS: Array<[SectionKind, RegExp]> = [
  [
    'education',
    /^(?:education(?:al)?(?: (?:background|details|qualifications?|&|and) ?\w*)?|academic(?:s| (?:background|qualifications?|credentials|details|profile|record))?|(?:basic )?academic credentials|qualifications?|educational qualifications?|scholastic (?:profile|record)|degrees?|certifications? (?:and|&) education|education (?:and|&) (?:training|certifications?))$/,
  ],
  [
    'work',
    /^(?:(?:professional |work |relevant |industry |industrial |career |employment |job |total |it |technical |corporate )?(?:experience|experiences)(?: (?:summary|details|history|profile))?|work(?:ing)? history|employment(?: history| record| details)?|career(?: history| summary| profile)?|professional (?:background|history)|positions? held|internships?(?: (?:and|&) (?:experience|training))?|(?:work|professional) experience (?:and|&) internships?|experience (?:and|&) internships?)$/,
  ],
  [
    'projects',
    /^(?:(?:academic |personal |key |major |selected |notable |technical |other |side )?projects?(?: (?:undertaken|handled|done|details|experience|work))?)$/,
  ],
  [
    'skills',
    /^(?:(?:technical |key |core |professional |it |computer |software |relevant |soft |hard )?(?:skills?|competenc(?:y|ies)|proficienc(?:y|ies)|expertise|technologies|tools)(?: (?:&|and) (?:tools|technologies|abilities|interests|expertise|competencies))?(?: summary| set| profile)?|skill set|technical (?:proficiency|summary|profile)|tech stack|areas of expertise)$/,
  ],
  [
    'summary',
    /^(?:(?:professional |career |executive )?(?:summary|profile|objective|overview)|about(?: me)?|career objective|objective)$/,
  ],
  [
    'other',
    /^(?:certifications?|certificates?|licenses?(?: (?:&|and) certifications?)?|awards?(?: (?:&|and) (?:honou?rs|achievements))?|honou?rs(?:\/awards)?(?: (?:&|and) awards)?|achievements?|accomplishments?|publications?|volunteer(?:ing)?(?: (?:experience|work))?|activities|extra[- ]?curricular(?: activities)?|co[- ]?curricular(?: activities)?|(?:on campus |campus |community )?involvement|leadership(?: (?:experience|activities))?|interests|hobbies(?: (?:&|and) interests)?|languages?(?: known)?|references?|personal (?:details|information|profile|data)|declaration|trainings?|courses?|coursework|relevant coursework|significant coursework|workshops?|conferences?|seminars?|strengths?|additional information|personal projects)$/,
  ],
];

/** The section a heading line opens, or null if the line is not a heading. */
export function headingKind(line: string): SectionKind | null {
  const cleaned = line
    .toLowerCase()
    .replace(/[:|•\-–—_=*#]+\s*$/, '')
    .replace(/^[\s\-–—_=*#|]+/, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (cleaned.length === 0 || cleaned.length > 60) {
    return null;
  }
  for (const [kind, pattern] of HEADINGS) {
    if (pattern.test(cleaned)) {
      return kind;
    }
  }
  return null;
}

export interface SectionedLine {
  text: string;
  section: SectionKind;
  /** True for the heading line itself. */
  isHeading: boolean;
}

/** Labels every line with the section it belongs to; lines before the first heading are 'header'. */
export function sectionLines(lines: string[]): SectionedLine[] {
  let section: SectionKind = 'header';
  return lines.map((text) => {
    const kind = headingKind(text);
    if (kind !== null) {
      section = kind;
      return { text, section, isHeading: true };
    }
    return { text, section, isHeading: false };
  });
}
