/**
 * Random-but-seeded fictional resumes for load tests (the pipeline benchmark): names, contacts,
 * role families with their skill pools, several jobs with dated ranges and education. The same seed
 * always yields the same resumes and the same bytes.
 */
import type { DocxLayout } from './resume-docx.js';
import { DOCX_LAYOUTS, renderResumeDocx } from './resume-docx.js';
import type {
  DateStyle,
  RangeSeparator,
  Resume,
  ResumeEducation,
  ResumeJob,
  Rng,
  YearMonth,
} from './resume-model.js';
import { DEFAULT_HEADINGS, createRng, ym } from './resume-model.js';
import type { PdfLayout } from './resume-pdf.js';
import { PDF_LAYOUTS, renderResumePdf } from './resume-pdf.js';

/** The month every corpus resume treats as "now", so content does not depend on the clock. */
export const CORPUS_AS_OF: YearMonth = ym(2026, 11);

/** How a canonical skill may be written on a resume (first entry = the canonical spelling). */
const SKILL_SPELLINGS: Record<string, readonly string[]> = {
  JavaScript: ['JavaScript', 'JS'],
  TypeScript: ['TypeScript'],
  React: ['React', 'ReactJS', 'React.js'],
  'Node.js': ['Node.js', 'Node', 'NodeJS'],
  PostgreSQL: ['PostgreSQL', 'Postgres'],
  Kubernetes: ['Kubernetes', 'k8s'],
  'scikit-learn': ['scikit-learn', 'sklearn'],
  GCP: ['GCP', 'Google Cloud'],
  'Vue.js': ['Vue.js', 'Vue'],
  'Next.js': ['Next.js', 'NextJS'],
};

interface RoleFamily {
  id: string;
  titles: { junior: string; mid: string; senior: string };
  /** Canonical skill names. */
  core: readonly string[];
  optional: readonly string[];
  bullets: readonly string[];
  summary: string;
  degrees: readonly string[];
}

// Bullet templates: {a} and {b} are two of the person's skills, {n}/{p} are numbers.
const FAMILIES: readonly RoleFamily[] = [
  {
    id: 'full-stack',
    titles: {
      junior: 'Junior Full-Stack Developer',
      mid: 'Full-Stack Engineer',
      senior: 'Senior Full-Stack Engineer',
    },
    core: ['TypeScript', 'JavaScript', 'React', 'Node.js', 'PostgreSQL'],
    optional: [
      'AWS',
      'Docker',
      'Kubernetes',
      'GraphQL',
      'Redis',
      'Next.js',
      'Jest',
      'Terraform',
      'Git',
      'HTML',
      'CSS',
    ],
    bullets: [
      'Built customer-facing features in {a} and {b}, used by {n},000 monthly users.',
      'Cut page load time by {p}% by reworking data fetching and {a} queries.',
      'Designed the {a} schema and migrations for the billing domain.',
      'Moved {n} services onto {a} and {b}, making releases a daily routine.',
      'Mentored {n} engineers and led code reviews for the {a} codebase.',
      'Added automated tests with {a}; escaped defects fell by {p}%.',
    ],
    summary: 'Full-stack engineer building web products end to end with {a}, {b} and {c}.',
    degrees: ['B.S. Computer Science', 'BSc Software Engineering', 'B.Tech Information Technology'],
  },
  {
    id: 'frontend',
    titles: {
      junior: 'Junior Frontend Developer',
      mid: 'Frontend Developer',
      senior: 'Senior Frontend Engineer',
    },
    core: ['JavaScript', 'TypeScript', 'React', 'HTML', 'CSS'],
    optional: ['Vue.js', 'Next.js', 'Redux', 'Jest', 'Cypress', 'Figma', 'Tailwind CSS', 'Git'],
    bullets: [
      'Rebuilt the checkout UI in {a} and {b}; conversion rose {p}%.',
      'Created a component library in {a} shared by {n} product teams.',
      'Brought accessibility to WCAG 2.1 AA across {n} key pages.',
      'Set up {a} tests that run on every pull request.',
    ],
    summary: 'Frontend developer focused on fast, accessible interfaces with {a}, {b} and {c}.',
    degrees: ['B.A. Interaction Design', 'B.S. Computer Science', 'BSc Web Development'],
  },
  {
    id: 'backend',
    titles: {
      junior: 'Junior Backend Developer',
      mid: 'Backend Engineer',
      senior: 'Senior Backend Engineer',
    },
    core: ['Java', 'Spring Boot', 'PostgreSQL', 'SQL', 'Docker'],
    optional: ['Kafka', 'Redis', 'Kubernetes', 'AWS', 'Terraform', 'Jenkins', 'Git', 'MySQL'],
    bullets: [
      'Designed {a} services handling {n} million requests a day.',
      'Tuned {a} queries and indexes, cutting p95 latency by {p}%.',
      'Introduced {a} for event streaming between {n} services.',
      'Automated deployments with {a} and {b}.',
    ],
    summary: 'Backend engineer building reliable transactional systems with {a}, {b} and {c}.',
    degrees: ['B.S. Computer Engineering', 'BSc Computer Science', 'B.E. Information Science'],
  },
  {
    id: 'data-science',
    titles: { junior: 'Junior Data Scientist', mid: 'Data Scientist', senior: 'Senior Data Scientist' },
    core: ['Python', 'Pandas', 'NumPy', 'SQL', 'scikit-learn'],
    optional: [
      'PyTorch',
      'TensorFlow',
      'MLOps',
      'MLflow',
      'Airflow',
      'Apache Spark',
      'Tableau',
      'AWS',
      'Docker',
      'XGBoost',
    ],
    bullets: [
      'Trained {a} models that improved forecast accuracy by {p}%.',
      'Built feature pipelines in {a} and {b} over {n} million rows.',
      'Deployed models with {a}; retraining now runs weekly without manual steps.',
      'Explained model results to {n} business stakeholders each quarter.',
    ],
    summary: 'Data scientist applying machine learning with {a}, {b} and {c} to business problems.',
    degrees: ['M.S. Statistics', 'M.Sc. Data Science', 'B.S. Applied Mathematics'],
  },
  {
    id: 'ml-engineering',
    titles: {
      junior: 'Junior ML Engineer',
      mid: 'Machine Learning Engineer',
      senior: 'Senior Machine Learning Engineer',
    },
    core: ['Python', 'PyTorch', 'TensorFlow', 'MLOps', 'Docker'],
    optional: [
      'Kubernetes',
      'scikit-learn',
      'Pandas',
      'NumPy',
      'SQL',
      'MLflow',
      'Kubeflow',
      'GCP',
      'FastAPI',
    ],
    bullets: [
      'Shipped {a} models serving {n} million predictions a day.',
      'Built the {a} training pipeline on {b}; experiments now take hours, not days.',
      'Cut inference latency by {p}% with batching and quantisation.',
      'Set up monitoring and drift alerts for {n} production models.',
    ],
    summary: 'Machine learning engineer taking models to production with {a}, {b} and {c}.',
    degrees: ['M.S. Computer Science', 'M.Tech Computer Science', 'B.S. Electrical Engineering'],
  },
  {
    id: 'devops',
    titles: {
      junior: 'Junior DevOps Engineer',
      mid: 'DevOps Engineer',
      senior: 'Senior Site Reliability Engineer',
    },
    core: ['Kubernetes', 'Docker', 'Terraform', 'AWS', 'Linux'],
    optional: ['Python', 'Ansible', 'Prometheus', 'Grafana', 'Jenkins', 'GitHub Actions', 'GCP', 'Azure'],
    bullets: [
      'Migrated {n} services to {a}, with zero customer-visible downtime.',
      'Wrote {a} modules for every environment; drift incidents fell {p}%.',
      'Built dashboards and alerts in {a} and {b} for the on-call rota.',
      'Reduced cloud spend by {p}% through right-sizing and reserved capacity.',
    ],
    summary: 'Platform engineer keeping systems boring and reliable with {a}, {b} and {c}.',
    degrees: ['B.S. Information Systems', 'BSc Computer Networks', 'B.E. Computer Science'],
  },
  {
    id: 'data-analyst',
    titles: { junior: 'Junior Data Analyst', mid: 'Data Analyst', senior: 'Senior Data Analyst' },
    core: ['SQL', 'Excel', 'Tableau', 'Python'],
    optional: ['Power BI', 'Pandas', 'Snowflake', 'dbt', 'Looker'],
    bullets: [
      'Built {a} dashboards used by {n} managers every week.',
      'Automated {n} monthly reports with {a} and {b}.',
      'Analysed pricing tests with {a}; recommended changes worth {p}% margin.',
    ],
    summary: 'Analyst turning data into decisions with {a}, {b} and {c}.',
    degrees: ['B.A. Economics', 'B.S. Statistics', 'BSc Business Analytics'],
  },
  {
    id: 'sales',
    titles: {
      junior: 'Sales Development Representative',
      mid: 'Account Executive',
      senior: 'Regional Sales Manager',
    },
    core: ['Salesforce', 'Excel'],
    optional: ['HubSpot'],
    bullets: [
      'Closed new business worth ${n}00,000 a year; {p}% above target.',
      'Managed a territory of {n} enterprise accounts using {a}.',
      'Coached {n} new representatives through their first quarter.',
    ],
    summary: 'Sales professional who builds lasting customer relationships; daily user of {a} and {b}.',
    degrees: ['B.B.A. Marketing', 'B.A. Communications', 'BSc Business Management'],
  },
  {
    id: 'design',
    titles: { junior: 'Junior Graphic Designer', mid: 'Graphic Designer', senior: 'Senior Graphic Designer' },
    core: ['Figma', 'Photoshop', 'Illustrator'],
    optional: ['InDesign', 'After Effects'],
    bullets: [
      'Designed brand identities for {n} clients in {a} and {b}.',
      'Produced print and packaging artwork in {a}.',
      'Ran design critiques for a team of {n} designers.',
    ],
    summary: 'Designer crafting brands and campaigns with {a}, {b} and {c}.',
    degrees: ['B.A. Graphic Design', 'BFA Visual Communication', 'Master, Graphic Design'],
  },
  {
    id: 'nursing',
    titles: { junior: 'Staff Nurse', mid: 'Registered Nurse', senior: 'Senior Staff Nurse' },
    core: [],
    optional: [],
    bullets: [
      'Cared for up to {n} patients per shift on a busy acute ward.',
      'Led the ward audit on medication safety; errors fell {p}%.',
      'Mentored {n} nursing students through their placements.',
    ],
    summary: 'Registered nurse with a calm, thorough approach to acute care.',
    degrees: ['BSc (Hons) Adult Nursing', 'B.S. Nursing', 'Diploma in Nursing'],
  },
];

// Domain-neutral bullets and achievements that pad longer resumes without repeating a family's own lines.
const GENERIC_BULLETS = [
  'Trained {n} new colleagues and wrote the onboarding guide the team still uses.',
  'Presented monthly results to senior leadership and turned their feedback into next quarter’s plan.',
  'Improved hand-over between teams, cutting turnaround time by {p}% without extra headcount.',
  'Volunteered for the internal mentoring scheme and coached {n} junior colleagues.',
  'Ran the quarterly planning sessions for a group of {n} people across two offices.',
  'Documented every recurring process, so holidays and sick days no longer stalled the work.',
];
const ACHIEVEMENTS = [
  'Led a cross-team initiative with {n} colleagues that delivered {p}% savings in its first year; the approach became the company standard and was presented at the annual all-hands.',
  'Designed and ran an internal training course attended by {n} colleagues, with materials later adopted by two partner organisations and refreshed every year since.',
  'Took over a struggling project two months before its deadline, re-planned it with the stakeholders, and delivered it on time with {p}% lower cost than the original estimate.',
  'Represented the team at an industry conference with a talk on lessons learned from {n} years of continuous improvement work, later published as an article.',
  'Built a simple quality dashboard that the whole department now reviews weekly; repeated mistakes fell by {p}% within six months.',
  'Organised a volunteering programme with a local school, giving {n} students practical workplace experience each summer.',
];

const FIRST_NAMES = [
  'Amara',
  'Ben',
  'Carmen',
  'Dmitri',
  'Elif',
  'Farah',
  'Gabriel',
  'Hana',
  'Ivan',
  'Jonas',
  'Keiko',
  'Leila',
  'Mateo',
  'Nadia',
  'Oscar',
  'Priyanka',
  'Quentin',
  'Rosa',
  'Sven',
  'Tariq',
  'Uma',
  'Victor',
  'Wen',
  'Ximena',
  'Yusuf',
  'Zara',
  'Aditya',
  'Bianca',
  'Chloe',
  'Diego',
  'Emeka',
  'Freya',
  'Hiroshi',
  'Ingrid',
  'Kwame',
  'Lucia',
  'Mei',
  'Nikhil',
  'Olga',
  'Pablo',
  'Rahel',
  'Sanjay',
  'Thea',
  'Valentina',
  'William',
  'Yara',
];
const LAST_NAMES = [
  'Abbott',
  'Banerjee',
  'Castillo',
  'Dubois',
  'Eriksen',
  'Fernandes',
  'Gallagher',
  'Hoffmann',
  'Ibrahim',
  'Jensen',
  'Kowalski',
  'Lindqvist',
  'Moreau',
  'Nakamura',
  'Okonkwo',
  'Patel',
  'Quinn',
  'Rossi',
  'Sato',
  'Thompson',
  'Ueda',
  'Varga',
  'Weber',
  'Yilmaz',
  'Zhang',
  'Almeida',
  'Brennan',
  'Costa',
  'Duarte',
  'Eze',
  'Fischer',
  'Haddad',
  'Iyer',
  'Kapoor',
  'Larsen',
  'Mensah',
  'Novak',
  'Osei',
  'Petrenko',
  'Reyes',
  'Sandoval',
  'Tanaka',
];
const COMPANY_WORDS = [
  'Aster',
  'Birch',
  'Cobalt',
  'Driftwood',
  'Ember',
  'Fjord',
  'Granite',
  'Heron',
  'Indigo',
  'Juniper',
  'Kite',
  'Lumen',
  'Maple',
  'Nimbus',
  'Onyx',
  'Pebble',
  'Quartz',
  'Riverbend',
  'Saffron',
  'Tundra',
  'Umber',
  'Vantage',
  'Willow',
  'Zephyr',
];
const COMPANY_SUFFIXES = [
  'Labs',
  'Systems',
  'Health',
  'Logistics',
  'Analytics',
  'Retail',
  'Bank',
  'Studios',
  'Energy',
  'Software',
];
const SCHOOLS = [
  'Northfield State University',
  'University of Westbrook',
  'Lakeshore Institute of Technology',
  'Riverside College',
  'Eastvale University',
  'Highland Technical University',
  'Southport Polytechnic',
  'Crescent City University',
];

interface Region {
  cities: readonly string[];
  phone: (rng: Rng) => string;
  paper: 'A4' | 'LETTER';
}

// Numbers from ranges reserved for fiction (see sample-roster.ts), so no real person is ever dialled.
const REGIONS: readonly Region[] = [
  {
    cities: ['San Francisco, CA', 'Austin, TX', 'Chicago, IL', 'New York, NY', 'Seattle, WA', 'Denver, CO'],
    phone: (rng) =>
      `+1 (${rng.pick(['415', '512', '312', '646', '206', '303'])}) 555-01${String(rng.int(0, 99)).padStart(2, '0')}`,
    paper: 'LETTER',
  },
  {
    cities: ['London, UK', 'Manchester, UK'],
    phone: (rng) => `+44 20 7946 0${String(rng.int(0, 999)).padStart(3, '0')}`,
    paper: 'A4',
  },
  {
    cities: ['Berlin, Germany', 'Munich, Germany', 'Hamburg, Germany'],
    phone: (rng) => `+49 30 23125 ${String(rng.int(0, 999)).padStart(3, '0')}`,
    paper: 'A4',
  },
  {
    cities: ['Bengaluru, India', 'Pune, India', 'Hyderabad, India'],
    phone: (rng) => `+91 98765 ${String(rng.int(0, 99999)).padStart(5, '0')}`,
    paper: 'A4',
  },
  {
    cities: ['Paris, France', 'Lyon, France'],
    phone: (rng) => `+33 1 99 00 ${String(rng.int(10, 99))} ${String(rng.int(10, 99))}`,
    paper: 'A4',
  },
  {
    cities: ['Toronto, ON, Canada', 'Vancouver, BC, Canada'],
    phone: (rng) => `+1 (${rng.pick(['416', '604'])}) 555-01${String(rng.int(0, 99)).padStart(2, '0')}`,
    paper: 'LETTER',
  },
];

const DATE_STYLES: readonly DateStyle[] = ['mon-yyyy', 'month-yyyy', 'mm/yyyy', 'yyyy'];
const SEPARATORS: readonly RangeSeparator[] = [' – ', ' - ', ' to ', ' — '];
const ACCENTS = ['#1d4ed8', '#0f766e', '#7c3aed', '#b45309', '#be185d', '#047857', '#0369a1', '#9f1239'];

function spell(rng: Rng, canonical: string): string {
  const spellings = SKILL_SPELLINGS[canonical];
  return spellings === undefined ? canonical : rng.pick(spellings);
}

function fill(template: string, rng: Rng, skills: readonly string[]): string {
  const pool = skills.length > 0 ? rng.sample(skills, Math.min(3, skills.length)) : [];
  const at = (i: number): string => pool[i % Math.max(pool.length, 1)] ?? 'the team';
  return template
    .replaceAll('{a}', at(0))
    .replaceAll('{b}', at(1))
    .replaceAll('{c}', at(2))
    .replaceAll('{n}', String(rng.int(2, 40)))
    .replaceAll('{p}', String(rng.int(8, 45)));
}

function addMonths(value: YearMonth, months: number): YearMonth {
  const index = value.year * 12 + (value.month - 1) + months;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

export interface CorpusResume {
  resume: Resume;
  family: string;
  /** Canonical names of the skills this resume lists. */
  skills: string[];
}

/** One random fictional resume; `index` keeps emails unique across a corpus. */
export function randomResume(rng: Rng, index: number): CorpusResume {
  const family = rng.pick(FAMILIES);
  const region = rng.pick(REGIONS);
  const first = rng.pick(FIRST_NAMES);
  const last = rng.pick(LAST_NAMES);
  const skills = [
    ...family.core,
    ...rng.sample(family.optional, rng.int(0, Math.min(6, family.optional.length))),
  ];
  const written = skills.map((s) => spell(rng, s));
  // Lengths vary so the corpus spans 1–3 pages: short resumes stay on one page, long ones add jobs,
  // bullets and an achievements section.
  const length = rng.pick(['short', 'short', 'short', 'medium', 'medium', 'long', 'long'] as const);
  const jobCount = length === 'short' ? rng.int(1, 3) : length === 'medium' ? rng.int(3, 5) : rng.int(7, 8);
  const bulletRange: [number, number] = length === 'short' ? [2, 4] : length === 'medium' ? [4, 6] : [7, 9];
  const dateStyle = rng.pick(DATE_STYLES);

  const experience: ResumeJob[] = [];
  let end: YearMonth | 'present' = rng.chance(0.8) ? 'present' : addMonths(CORPUS_AS_OF, -rng.int(1, 8));
  for (let j = 0; j < jobCount; j++) {
    const endMonth: YearMonth = end === 'present' ? CORPUS_AS_OF : end;
    const start = addMonths(endMonth, -rng.int(8, length === 'long' ? 36 : 54));
    const seniority =
      j === 0 && jobCount >= 3 ? 'senior' : j === jobCount - 1 && jobCount > 1 ? 'junior' : 'mid';
    experience.push({
      title: family.titles[seniority],
      company: `${rng.pick(COMPANY_WORDS)} ${rng.pick(COMPANY_SUFFIXES)}`,
      location: rng.pick(region.cities).split(',')[0],
      start,
      end,
      bullets: rng
        .sample([...family.bullets, ...GENERIC_BULLETS], rng.int(bulletRange[0], bulletRange[1]))
        .map((b) => fill(b, rng, written)),
    });
    end = addMonths(start, -rng.int(0, 5));
  }
  const firstStart = experience[experience.length - 1]?.start ?? CORPUS_AS_OF;
  const gradEnd = addMonths(firstStart, -rng.int(1, 6));
  const education: ResumeEducation[] = [
    {
      degree: rng.pick(family.degrees),
      school: rng.pick(SCHOOLS),
      start: addMonths(gradEnd, -rng.pick([24, 36, 45])),
      end: gradEnd,
    },
  ];
  const domain = rng.pick(['example.com', 'example.org', 'example.net']);
  const handle = `${first}.${last}${index}`.toLowerCase();
  const resume: Resume = {
    name: `${first} ${last}`,
    headline: experience[0]?.title ?? family.titles.mid,
    email: `${handle}@${domain}`,
    phone: region.phone(rng),
    location: rng.pick(region.cities),
    links: rng.chance(0.4) ? [`https://${first.toLowerCase()}${last.toLowerCase()}.${domain}`] : [],
    summary: fill(family.summary, rng, written),
    skills:
      written.length === 0
        ? [{ items: ['Patient care', 'Documentation', 'Teamwork'] }]
        : [{ items: written }],
    experience,
    education,
    extras: [
      ...(length === 'short'
        ? []
        : [
            {
              heading: 'Selected Achievements',
              column: 'main' as const,
              items: rng
                .sample(ACHIEVEMENTS, length === 'long' ? rng.int(5, 6) : rng.int(1, 3))
                .map((a) => fill(a, rng, written)),
            },
          ]),
      ...(rng.chance(0.5)
        ? [
            {
              heading: 'Languages',
              items: rng.sample(['English', 'Spanish', 'German', 'Hindi', 'French', 'Japanese'], 2),
            },
          ]
        : []),
    ],
    dateStyle,
    separator: dateStyle === 'yyyy' ? ' - ' : rng.pick(SEPARATORS),
    headings: DEFAULT_HEADINGS,
    accent: rng.pick(ACCENTS),
  };
  return { resume, family: family.id, skills };
}

export interface CorpusFile {
  fileName: string;
  bytes: Uint8Array;
  format: 'pdf' | 'docx';
  layout: PdfLayout | DocxLayout;
  /** Ground truth, for benchmarks that also check extraction quality. */
  truth: CorpusResume;
}

/**
 * Yields `count` fictional resumes as files: about 60% PDF (all PDF layouts) and 40% DOCX, 1–3
 * pages each. Lazily generated, so a consumer can start processing the first file at once; the same
 * `seed` always yields the same files.
 */
export async function* generateResumeCorpus(count: number, seed = 20261101): AsyncGenerator<CorpusFile> {
  const rng = createRng(seed);
  for (let i = 0; i < count; i++) {
    const truth = randomResume(rng, i + 1);
    const slug = truth.resume.name.toLowerCase().replace(/[^a-z]+/g, '-');
    const base = `resume-${String(i + 1).padStart(4, '0')}-${slug}`;
    // North American resumes are written on Letter paper, everyone else's on A4.
    const paper = truth.resume.phone.startsWith('+1 ') ? 'LETTER' : 'A4';
    if (rng.chance(0.6)) {
      const layout = rng.pick(PDF_LAYOUTS);
      const { bytes } = await renderResumePdf(truth.resume, layout, { paper });
      yield { fileName: `${base}.pdf`, bytes, format: 'pdf', layout, truth };
    } else {
      const layout = rng.pick(DOCX_LAYOUTS);
      const pageBreakBefore = rng.chance(0.3) ? (['education'] as const) : ([] as const);
      const bytes = await renderResumeDocx(truth.resume, layout, { pageBreakBefore, paper });
      yield { fileName: `${base}.docx`, bytes, format: 'docx', layout, truth };
    }
  }
}
