import { describe, expect, it } from 'vitest';
import { parseJobRequirements, yearsMentioned } from './jd-requirements.js';

describe('parseJobRequirements', () => {
  it('counts skills under a must-have heading as required and nice-to-haves as preferred only', () => {
    const jd = [
      'Senior Backend Engineer',
      'About us',
      'We build tools for recruiters.',
      'Requirements:',
      '- 5+ years of professional software development',
      '- Strong Python and PostgreSQL',
      'Nice to have:',
      '- Kubernetes',
      '- React',
    ].join('\n');
    const r = parseJobRequirements(jd);
    expect(r.requiredSkills).toEqual(['Python', 'PostgreSQL']);
    expect(r.preferredSkills).toEqual(['Kubernetes', 'React']);
    expect(r.requiredYears).toBe(5);
  });

  it('keeps soft skills out of the required list, since resumes rarely list them', () => {
    const parsed = parseJobRequirements('Requirements\n- Strong communication and problem solving\n- 3+ years of Python and SQL');
    expect(parsed.requiredSkills).toEqual(['Python', 'SQL']);
    expect(parsed.preferredSkills).toEqual(expect.arrayContaining(['Communication', 'Problem Solving']));
  });

  it('treats a skill called "a plus" inline as preferred', () => {
    const r = parseJobRequirements('You write TypeScript every day.\nExperience with Kubernetes is a plus.');
    expect(r.requiredSkills).toEqual(['TypeScript']);
    expect(r.preferredSkills).toEqual(['Kubernetes']);
  });

  it('keeps a skill required when it is also listed as preferred', () => {
    const r = parseJobRequirements('Must have:\n- Python\nPreferred qualifications:\n- Python 3.12, React');
    expect(r.requiredSkills).toEqual(['Python']);
    expect(r.preferredSkills).toEqual(['React']);
  });

  it('returns to required after a preferred section when a requirements heading follows', () => {
    const r = parseJobRequirements('Bonus points:\nReact\nWhat you need:\nNode.js');
    expect(r.requiredSkills).toEqual(['Node.js']);
    expect(r.preferredSkills).toEqual(['React']);
  });

  it('finds the sections of a JD pasted as one long line', () => {
    const jd =
      'Minimum Required Skills: Python, PostgreSQL If you are a developer, read on! What You Need for this Position ' +
      "Basic Qualifications: Minimum of 2 years' experience developing software in TypeScript Preferred Qualifications: " +
      'Strong React experience. Kubernetes is a plus.';
    const r = parseJobRequirements(jd);
    expect(r.requiredSkills).toEqual(['Python', 'PostgreSQL', 'TypeScript']);
    expect(r.preferredSkills).toEqual(['React', 'Kubernetes']);
    expect(r.requiredYears).toBe(2);
  });

  it('keeps a sentence that calls one skill a plus from demoting the rest of its line', () => {
    const r = parseJobRequirements('You know Python and PostgreSQL well. React is a plus. You have shipped Node.js services.');
    expect(r.requiredSkills).toEqual(['Python', 'PostgreSQL', 'Node.js']);
    expect(r.preferredSkills).toEqual(['React']);
  });

  it('ignores years stated in preferred context', () => {
    const r = parseJobRequirements('Requirements:\n3 years of experience with Python\nPreferred:\n7+ years in fintech');
    expect(r.requiredYears).toBe(3);
  });

  it('has no required years when the JD states none', () => {
    expect(parseJobRequirements('We need a React developer who loves clean code.').requiredYears).toBeNull();
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
