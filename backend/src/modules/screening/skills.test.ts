import { describe, expect, it } from 'vitest';
import { allCanonicalSkills, canonicalizeSkill, findSkills } from './skills.js';

describe('findSkills', () => {
  it('returns canonical names in order of first mention, once each', () => {
    expect(
      findSkills('Built services in TypeScript and Python; more TypeScript later. Deployed on k8s.'),
    ).toEqual(['TypeScript', 'Python', 'Kubernetes']);
  });

  it('maps aliases to canonical names', () => {
    expect(findSkills('JS, Postgres, ReactJS, golang, sklearn, MS Excel, ci/cd, GCP')).toEqual([
      'JavaScript',
      'PostgreSQL',
      'React',
      'Go',
      'scikit-learn',
      'Excel',
      'CI/CD',
      'GCP',
    ]);
  });

  it('does not find Java inside JavaScript, nor JavaScript in Java', () => {
    expect(findSkills('Frontend work in JavaScript')).not.toContain('Java');
    expect(findSkills('Server work in Java 17')).toEqual(['Java']);
    expect(findSkills('Java and JavaScript')).toEqual(['Java', 'JavaScript']);
  });

  it('tells React Native from React, and Node.js from node', () => {
    expect(findSkills('Mobile apps in React Native')).toEqual(['React Native']);
    expect(findSkills('React, React Native')).toEqual(['React', 'React Native']);
    expect(findSkills('Node.js services')).toEqual(['Node.js']);
    expect(findSkills('each node in the graph')).toEqual([]);
  });

  it('recognises C, C++, C#, F#, .NET, ASP.NET and Objective-C as distinct skills', () => {
    expect(findSkills('Languages: C, C++, C#, F#')).toEqual(['C', 'C++', 'C#', 'F#']);
    expect(findSkills('.NET Core and ASP.NET MVC; Objective-C')).toEqual(['.NET', 'ASP.NET', 'Objective-C']);
  });

  it('matches Go only in a technical list, never the verb', () => {
    expect(findSkills('Proficient in Go, Python, and Node.js')).toEqual(['Go', 'Python', 'Node.js']);
    expect(findSkills('Ready to go the extra mile with Python')).toEqual(['Python']);
    expect(findSkills('Go to market strategy for a SaaS product')).toEqual([]);
    expect(findSkills('Let us Go, team!')).toEqual([]);
  });

  it('matches R and C only as list items next to other skills', () => {
    expect(findSkills('Tools: R, Python, SQL')).toEqual(['R', 'Python', 'SQL']);
    expect(findSkills('Led R&D for Python tooling')).toEqual(['Python']);
    expect(findSkills('Plan B and plan C, with vitamin C')).toEqual([]);
  });

  it('requires the right capitalisation for words that are also plain English', () => {
    expect(findSkills('I excel at swift delivery and react quickly to rest requests')).toEqual([]);
    expect(findSkills('Skills: Excel, Swift, React')).toEqual(['Excel', 'Swift', 'React']);
  });

  it('accepts a lower-case ambiguous word only between list separators on both sides', () => {
    expect(findSkills('Tools: excel, powerpoint, outlook')).toEqual(['Excel', 'PowerPoint', 'Outlook']);
    expect(findSkills('Built a React console with role-based access, audited yearly')).toEqual(['React']);
    expect(findSkills('CI/CD for four game teams.')).toEqual(['CI/CD']);
  });

  it('reads "and"/"or" as list separators for lower-case ambiguous words', () => {
    expect(findSkills('Methodologies: Scrum, Agile and waterfall.')).toEqual(['Scrum', 'Agile', 'Waterfall']);
  });

  it('does not read "Less than 1 year" as the LESS stylesheet language', () => {
    expect(findSkills('ACCESS (Less than 1 year), LESS, Sass')).toEqual(['Microsoft Access', 'Less', 'Sass']);
    expect(findSkills('Java (Less than 1 year), SQL (LESS THAN 1 YEAR)')).toEqual(['Java', 'SQL']);
  });

  it('does not count a category label before a colon as a skill', () => {
    expect(findSkills('Operating Systems: Linux, Windows')).toEqual(['Linux', 'Windows']);
    expect(findSkills('Knowledge of operating systems and Linux')).toEqual(['Operating Systems', 'Linux']);
  });

  it('reads upper-case skill lists', () => {
    expect(findSkills('EXCEL (2 years), OUTLOOK (1 year), REACT, GO, SQL')).toEqual([
      'Excel',
      'Outlook',
      'React',
      'Go',
      'SQL',
    ]);
  });

  it('ignores product names inside links and e-mail addresses', () => {
    expect(findSkills('github.com/jane · jane@python.org · https://www.docker.com/x')).toEqual([]);
  });

  it('matches multi-word skills across a line break', () => {
    expect(findSkills('experienced in machine\nlearning and Power BI')).toEqual([
      'Machine Learning',
      'Power BI',
    ]);
  });

  it('reads professional skills too', () => {
    expect(
      findSkills('Project Management, Agile, Scrum, stakeholder management, QuickBooks, Payroll'),
    ).toEqual(['Project Management', 'Agile', 'Scrum', 'Stakeholder Management', 'QuickBooks', 'Payroll']);
  });
});

describe('canonicalizeSkill', () => {
  it('canonicalises aliases regardless of case and spacing', () => {
    expect(canonicalizeSkill(' k8s ')).toBe('Kubernetes');
    expect(canonicalizeSkill('POSTGRES')).toBe('PostgreSQL');
    expect(canonicalizeSkill('go')).toBe('Go');
    expect(canonicalizeSkill('c#')).toBe('C#');
    expect(canonicalizeSkill('react  native')).toBe('React Native');
  });

  it('ignores version numbers and reads "Name (ABBR)" forms', () => {
    expect(canonicalizeSkill('Python 3.11')).toBe('Python');
    expect(canonicalizeSkill('Angular 15+')).toBe('Angular');
    expect(canonicalizeSkill('Amazon Web Services (AWS)')).toBe('AWS');
  });

  it('returns null for unknown skills', () => {
    expect(canonicalizeSkill('underwater basket weaving')).toBeNull();
    expect(canonicalizeSkill('')).toBeNull();
  });
});

describe('allCanonicalSkills', () => {
  it('lists a few hundred unique skills, each canonicalising to itself', () => {
    const all = allCanonicalSkills();
    expect(all.length).toBeGreaterThan(300);
    expect(new Set(all).size).toBe(all.length);
    for (const skill of all) {
      expect(canonicalizeSkill(skill)).toBe(skill);
    }
  });

  it('finds every canonical name when written in a plain skills list', () => {
    const all = allCanonicalSkills();
    const missed = all.filter((skill) => !findSkills(`Skills: Python, ${skill}, SQL`).includes(skill));
    expect(missed).toEqual([]);
  });
});
