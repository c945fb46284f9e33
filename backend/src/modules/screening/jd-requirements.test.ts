import { describe, expect, it } from 'vitest';
import { jobRequirementsSchema, type JobRequirements } from '@shortlist/contracts';
import { employerNames, normaliseEditedRequirements, parseJobRequirements, yearsMentioned } from './jd-requirements.js';

const chips = (r: JobRequirements, kind: 'must' | 'nice'): string[][] =>
  r.requirements.filter((q) => q.kind === kind).map((q) => q.alternatives);

describe('parseJobRequirements', () => {
  it('reads must-haves under a requirements heading and nice-to-haves under their own heading', () => {
    const jd = [
      'About us',
      'We build tools for recruiters.',
      'Requirements:',
      '- 5+ years of professional software development',
      '- Strong Python and PostgreSQL',
      'Nice to have:',
      '- Kubernetes',
      '- React',
    ].join('\n');
    const r = parseJobRequirements('Senior Backend Engineer', jd);
    expect(chips(r, 'must')).toEqual([['Python'], ['PostgreSQL']]);
    expect(chips(r, 'nice')).toEqual([['Kubernetes'], ['React']]);
    expect(r.min_years_overall).toBe(5);
    expect(jobRequirementsSchema.parse(r)).toEqual(r);
  });

  it('reads "A or B", "A/B" and "one of A, B or C" as ONE requirement with alternatives', () => {
    const jd = [
      'Requirements:',
      '- MySQL or Oracle',
      '- Docker/Kubernetes',
      '- Experience with one of AWS, GCP or Azure',
      '- Java, Kotlin and Scala',
    ].join('\n');
    const r = parseJobRequirements('Backend Engineer', jd);
    expect(chips(r, 'must')).toEqual([
      ['MySQL', 'Oracle Database'],
      ['Docker', 'Kubernetes'],
      ['AWS', 'GCP', 'Azure'],
      ['Java'],
      ['Kotlin'],
      ['Scala'],
    ]);
    expect(r.requirements.find((q) => q.alternatives.includes('MySQL'))?.label).toBe('MySQL or Oracle Database');
  });

  it('reads examples after "such as" as alternatives of one requirement', () => {
    const r = parseJobRequirements('Data Engineer', 'Requirements:\n- Experience with a cloud data warehouse such as Snowflake, BigQuery or Redshift');
    expect(chips(r, 'must')).toEqual([['Data Warehousing'], ['Snowflake', 'BigQuery', 'Redshift']]);
  });

  it('never reads the employer\'s name as a required skill', () => {
    const jd = [
      'About Northwind Logistics',
      'Northwind Logistics is a fast-growing freight platform. Join Northwind Logistics and help us scale.',
      'Requirements:',
      '- Python and SQL',
      '- Supply chain experience is a plus',
    ].join('\n');
    const r = parseJobRequirements('Data Analyst', jd);
    expect(r.employer_names).toEqual(['Northwind Logistics']);
    const all = r.requirements.flatMap((q) => q.alternatives);
    expect(all).not.toContain('Logistics');
    expect(chips(r, 'must')).toEqual([['Python'], ['SQL']]);
    expect(chips(r, 'nice')).toEqual([['Supply Chain Management']]);
  });

  it('finds company names in the usual places, and not sentence openers or skills', () => {
    expect(employerNames('Larkspur Health — Remote (US and UK time zones) or Boston, MA\nWe are hiring.')).toEqual([]);
    expect(employerNames('Senior Engineer\nLarkspur Health — Remote (US and UK time zones)\nAbout the role')).toEqual(['Larkspur Health']);
    expect(employerNames('At Acme Robotics, we build arms. You will use Python.')).toEqual(['Acme Robotics']);
    expect(employerNames('Python is a must. This role is remote.')).toEqual([]);
  });

  it('makes the skill a title names a must-have, first', () => {
    const r = parseJobRequirements('Software Developer - .NET', 'Requirements:\n- C# and SQL Server\n- Agile');
    expect(chips(r, 'must')).toEqual([['.NET'], ['C#'], ['SQL Server'], ['Agile']]);
    expect(r.requirements[0]?.jd_snippet).toBe('Software Developer - .NET');
  });

  it('asks nothing of the candidate in what the JD says about the employer and the offer', () => {
    const jd = [
      'About us',
      'We build HubSpot and Salesforce integrations for B2B sales teams.',
      'Requirements:',
      '- Python and PostgreSQL',
      'Benefits',
      '- Payroll through ADP, a Slack community and Docker swag',
      'We are an equal opportunity employer and value diversity; all applicants are considered without regard to race or age.',
    ].join('\n');
    const r = parseJobRequirements('Backend Engineer', jd);
    expect(r.requirements.flatMap((q) => q.alternatives)).toEqual(['Python', 'PostgreSQL']);
    expect(r.occupations.map((o) => o.title)).not.toContain('Equal Opportunity Representatives and Officers');
  });

  it('keeps soft skills and soft wording out of the requirements', () => {
    const r = parseJobRequirements('Engineer', 'Requirements\n- Strong communication and problem solving\n- Team player, detail-oriented\n- 3+ years of Python and SQL');
    expect(chips(r, 'must')).toEqual([['Python'], ['SQL']]);
    expect(r.soft_skills).toEqual(expect.arrayContaining(['Communication', 'Problem Solving', 'team player', 'detail-oriented']));
  });

  it('attaches stated years to the skill they are for, and keeps the overall minimum apart', () => {
    const r = parseJobRequirements('Engineer', 'Requirements:\n- 6+ years of software engineering experience\n- 3+ years of Python\n- React');
    expect(r.requirements.map((q) => [q.label, q.min_years])).toEqual([
      ['Python', 3],
      ['React', null],
    ]);
    expect(r.min_years_overall).toBe(6);
  });

  it('falls back to the largest must-have years when the JD states no overall minimum', () => {
    expect(parseJobRequirements('Engineer', 'Requirements:\n- 4 years of experience with Java').min_years_overall).toBe(4);
  });

  it('treats a skill called "a plus" inline as a nice-to-have, and a skill named in both places as a must-have', () => {
    const r = parseJobRequirements('Engineer', 'You write TypeScript every day.\nExperience with Kubernetes is a plus.\nMust have:\n- Python\nPreferred qualifications:\n- Python 3.12, React');
    expect(chips(r, 'must')).toEqual([['TypeScript'], ['Python']]);
    expect(chips(r, 'nice')).toEqual([['Kubernetes'], ['React']]);
  });

  it('finds the sections of a JD pasted as one long line', () => {
    const jd =
      'Minimum Required Skills: Python, PostgreSQL If you are a developer, read on! What You Need for this Position ' +
      "Basic Qualifications: Minimum of 2 years' experience developing software in TypeScript Preferred Qualifications: " +
      'Strong React experience. Kubernetes is a plus.';
    const r = parseJobRequirements('Developer', jd);
    expect(chips(r, 'must')).toEqual([['Python'], ['PostgreSQL'], ['TypeScript']]);
    expect(chips(r, 'nice')).toEqual([['React'], ['Kubernetes']]);
    expect(r.min_years_overall).toBe(2);
  });

  it('ignores years stated in preferred context and has none when the JD states none', () => {
    expect(parseJobRequirements('Engineer', 'Requirements:\n3 years of experience with Python\nPreferred:\n7+ years in fintech').min_years_overall).toBe(3);
    expect(parseJobRequirements('Engineer', 'We need a React developer who loves clean code.').min_years_overall).toBeNull();
  });

  it('names the occupation from the title first', () => {
    expect(parseJobRequirements('Data Scientist', 'You will build models in Python.').occupations[0]?.title).toBe('Data Scientists');
    expect(parseJobRequirements('Civil Engineer', 'Design roads and bridges.').occupations[0]?.code).toBe('17-2051.00');
    expect(parseJobRequirements('Py', 'Python and SQL, 2+ years').occupations).toEqual([]);
  });

  it('gives every requirement a stable id, a label, its JD words and the parsed source', () => {
    const r = parseJobRequirements('Engineer', 'Requirements:\n- Python or Go\n- Docker');
    expect(r.requirements.map((q) => ({ id: q.id, label: q.label, source: q.source, jd_snippet: q.jd_snippet }))).toEqual([
      { id: 'r1', label: 'Python or Go', source: 'jd', jd_snippet: '- Python or Go' },
      { id: 'r2', label: 'Docker', source: 'jd', jd_snippet: '- Docker' },
    ]);
  });
});

describe('normaliseEditedRequirements', () => {
  const parsed = parseJobRequirements('Engineer', 'Requirements:\n- Python\n- MySQL or Oracle');

  it('accepts requirements a recruiter edited, with aliases put in canonical form', () => {
    const edited = {
      ...parsed,
      requirements: [
        ...parsed.requirements.filter((r) => r.label !== 'Python'),
        { id: 'r9', label: 'Postgres', kind: 'nice', alternatives: ['postgres', 'PostgreSQL'], min_years: 2, source: 'recruiter', jd_snippet: null },
      ],
    };
    const { requirements, problems } = normaliseEditedRequirements(JSON.parse(JSON.stringify(edited)));
    expect(problems).toEqual([]);
    expect(requirements.requirements.map((r) => [r.id, r.kind, r.alternatives])).toEqual([
      ['r2', 'must', ['MySQL', 'Oracle Database']],
      ['r9', 'nice', ['PostgreSQL']],
    ]);
  });

  it('reports skills the vocabulary does not know instead of guessing, and duplicate ids', () => {
    const first = parsed.requirements[0] as (typeof parsed.requirements)[number];
    const edited = { ...parsed, requirements: [first, { ...first, alternatives: ['Underwater basket weaving'] }] };
    const { problems } = normaliseEditedRequirements(edited);
    expect(problems.map((p) => p.message)).toEqual([
      'Requirement id r1 is used twice',
      '"Underwater basket weaving" is not a skill Shortlist knows; pick one from the suggestions',
    ]);
  });

  it('rejects a shape that is not JobRequirements', () => {
    expect(() => normaliseEditedRequirements({ ...parsed, requirements: [{ id: 'r1', kind: 'maybe' }] })).toThrow();
  });
});

describe('yearsMentioned', () => {
  it.each([
    ['5+ years of experience', 5],
    ['at least 3 years of experience in backend work', 3],
    ['a minimum of 4 years experience', 4],
    ['3-5 years of experience', 3],
    ['3 to 5 years experience', 3],
    ['Two (2) years of increasingly responsible experience', 2],
    ['two years of experience in accounting', 2],
    ['7 years or more in software', 7],
    ['10+ yrs building web apps', 10],
  ])('reads "%s" as %d years', (line, years) => {
    expect(yearsMentioned(line)).toBe(years);
  });

  it.each(['Founded 20 years ago, we are a leader', 'Offices in 5 countries', 'Python 3 and Node 20'])(
    'finds no experience requirement in "%s"',
    (line) => {
      expect(yearsMentioned(line)).toBeNull();
    },
  );
});

describe('employer names under the title', () => {
  it('finds the employer on the line under the JD title, also when the title is given apart', () => {
    const description = 'Senior Full-Stack Engineer (TypeScript / React)\nLarkspur Health — Remote or Boston, MA\nRequirements:\n- TypeScript';
    expect(parseJobRequirements('Senior Full-Stack Engineer', description).employer_names).toEqual(['Larkspur Health']);
  });
});
