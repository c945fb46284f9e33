import { describe, expect, it } from 'vitest';
import {
  allCanonicalSkills,
  canonicalizeSkill,
  findSkillMentions,
  findSkills,
  isExpressibleAlias,
  searchSkills,
  skillSource,
} from './skills.js';
import { CURATED_SKILLS } from './vocabulary/curated-skills.js';

describe('findSkills', () => {
  it('returns canonical names in order of first mention, once each', () => {
    expect(
      findSkills('Built services in TypeScript and Python; more TypeScript later. Deployed on k8s.'),
    ).toEqual(['TypeScript', 'Python', 'Kubernetes']);
  });

  it('never reads a number alone as a skill (phones, years and counts are full of them)', () => {
    expect(findSkills('Call +1 (360) 500-1040 or 555 2000; 1-2-3 steps; 2000 - 2021, 500 staff, 360 reviews')).toEqual([]);
    // The products those numbers also name are still found by their names.
    expect(findSkills('Trained staff on Articulate 360 and Sage MAS 500')).toEqual(['Articulate 360', 'Sage MAS 500']);
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

describe('the vocabulary from O*NET and ESCO', () => {
  it('knows tools that the hand-curated list alone missed on annotated CVs', () => {
    const text = 'Skills: GWT, Apache Ant, Sqoop, ZooKeeper, JBoss, log4j, MuleSoft, Business Objects, PyCharm, MSSQL, Oracle 10g';
    expect(findSkills(text)).toEqual([
      'GWT',
      'Apache Ant',
      'Sqoop',
      'ZooKeeper',
      'JBoss',
      'Log4j',
      'MuleSoft',
      'SAP BusinessObjects',
      'PyCharm',
      'SQL Server',
      'Oracle Database',
    ]);
  });

  it('adds products only the taxonomies know, marked with where they come from', () => {
    expect(findSkills('Drew site plans in Trimble SketchUp Pro and ESRI ArcGIS')).toEqual(['Trimble SketchUp Pro', 'ESRI ArcGIS']);
    expect(skillSource('Trimble SketchUp Pro')).toBe('onet');
    expect(skillSource('Python')).toBe('curated');
    expect(skillSource('Underwater basket weaving')).toBeNull();
  });

  it('merges a vendor-prefixed product onto the curated skill it names', () => {
    expect(findSkills('Microsoft SQL Server, Autodesk AutoCAD, Apache Subversion and Oracle Java')).toEqual([
      'SQL Server',
      'AutoCAD',
      'SVN',
      'Java',
    ]);
  });

  it('does not take ordinary words left of a product name for the product ("Fleet management systems", "Amazon Data Pipeline")', () => {
    expect(findSkills('Design, build and maintain data management systems. Built a Data Pipeline in Python.')).toEqual(['Python']);
    expect(findSkills('Tracked vehicles with fleet management systems')).toEqual(['Fleet management systems']);
  });

  it('reads "Sales Force" as the product only when written as its name, not as a team of salespeople', () => {
    expect(findSkills('CRM: Sales Force with APEX')).toContain('Salesforce');
    expect(findSkills('Managed a sales force of 20 representatives')).not.toContain('Salesforce');
  });

  it('needs the exact spelling for a taxonomy acronym that is also an ordinary word ("APIs" is not the product APIS)', () => {
    expect(findSkills('Built Node.js services and APIs.\nDeployed on AWS.')).toEqual(['Node.js', 'AWS']);
  });

  it('gives every curated alias a form the matcher can find', () => {
    const unsupported = CURATED_SKILLS.flatMap(([canonical, ...aliases]) => [canonical, ...aliases]).filter((a) => !isExpressibleAlias(a));
    expect(unsupported).toEqual([]);
  });

  it('suggests canonical skills for a chip editor, exact and curated ones first', () => {
    expect(searchSkills('postgres')[0]).toBe('PostgreSQL');
    expect(searchSkills('k8s')).toEqual(['Kubernetes']);
    expect(searchSkills('zzzz-unknown')).toEqual([]);
    expect(searchSkills('sql', 3)).toHaveLength(3);
  });
});

describe('company names that are also products', () => {
  it('reads Oracle as the database in a skills list and with a version, not as the employer', () => {
    expect(findSkills('Databases: Oracle, MySQL')).toContain('Oracle Database');
    expect(findSkills('Tuned queries on Oracle 11g')).toContain('Oracle Database');
  });

  it.each([
    'Test Analyst at Oracle, Hyderabad',
    'Was associated with Oracle India Pvt Ltd, Bangalore as Team lead',
    'Associate Consultant\n\nOracle Corporation -\n\nJune 2011 to Present',
    'PeopleSoft consultant\n\nOracle -\n\nSeptember 2017 to Present',
    'Company: Oracle',
  ])('does not count Oracle the employer as a skill in "%s"', (text) => {
    expect(findSkills(text)).not.toContain('Oracle Database');
  });

  it('does not count Cisco the employer in an Indeed-style header line', () => {
    expect(findSkills('Kasturika Borah\nTeam Member - Cisco\n\nBengaluru, Karnataka')).not.toContain('Cisco');
    expect(findSkills('Skills: Cisco routers, OSPF, BGP')).toContain('Cisco');
  });
});

describe('matching cost grows with the text, not the vocabulary', () => {
  // 2 MB each. No timing: the assertions are on what comes out, which a quadratic or per-skill-regex matcher
  // could not produce in a test run's time anyway.
  const TWO_MB = 2 * 1024 * 1024;

  it('scans 2 MB of skill-dense text and reports every mention', () => {
    const unit = 'Python, Kubernetes, Go, React and PostgreSQL; ';
    const text = unit.repeat(Math.ceil(TWO_MB / unit.length));
    const repeats = Math.ceil(TWO_MB / unit.length);
    const mentions = findSkillMentions(text);
    expect(text.length).toBeGreaterThanOrEqual(TWO_MB);
    expect(mentions).toHaveLength(repeats * 5);
    expect(new Set(mentions.map((m) => m.canonical))).toEqual(new Set(['Python', 'Kubernetes', 'Go', 'React', 'PostgreSQL']));
    expect(text.slice(mentions[2]?.start, mentions[2]?.end)).toBe('Go');
  });

  it('scans 2 MB of skill-free text and finds nothing', () => {
    const unit = 'the quick brown fox jumps over the lazy dog near a quiet river bank. ';
    const text = unit.repeat(Math.ceil(TWO_MB / unit.length));
    expect(findSkillMentions(text)).toEqual([]);
  });
});
