import { describe, expect, it } from 'vitest';
import { docxFromParagraphs, pdfFromLines } from '../../../../test/documents.js';
import { extractText } from '../extract-text.js';
import {
  createLocalFieldExtractor,
  estimateExperienceYears,
  extractCurrentTitle,
  extractEmail,
  extractLinks,
  extractLocation,
  extractName,
  extractPhone,
  findDateRanges,
  mergedMonths,
  statedYears,
} from './local.js';

const NOW = new Date('2025-06-15T00:00:00Z');

const londonResume = `Curriculum Vitae
PRIYA SHARMA
Senior Backend Engineer
London, UK | +44 20 7946 0958 | priya.sharma@example.co.uk
linkedin.com/in/priya-sharma | https://github.com/priyasharma

SUMMARY
Backend engineer with 8+ years of experience building payment systems.

EXPERIENCE
Senior Backend Engineer, Monzo — Jan 2021 – Present
• Built services in Golang and Postgres on k8s
Backend Engineer, Revolut — 03/2018 - 06/2021
• Java and Kotlin microservices; some JS tooling
Software Engineer, Infosys — 2016-2018

EDUCATION
B.Tech Computer Science, IIT Delhi — 2012 – 2016

SKILLS
Go, Java, Kotlin, PostgreSQL, Kubernetes, Docker, AWS`;

describe('extractName', () => {
  it('skips headings like "Curriculum Vitae" and title-cases an all-caps name', () => {
    expect(extractName(londonResume)).toBe('Priya Sharma');
  });

  it('skips a "Resume" heading and contact lines, and cuts the name off a title on the same line', () => {
    expect(extractName('Resume\njane@example.com | (415) 555-0132\nJane Q. Roe\nProduct Designer')).toBe(
      'Jane Q. Roe',
    );
    expect(extractName('Omkar Pathak SOFTWARE ENGINEER | FULL STACK PYTHON DEVELOPER\nPune')).toBe(
      'Omkar Pathak',
    );
    expect(extractName('Sourabh Bajaj Email : sourabh@example.com\nMobile : +1-123-456-7890')).toBe(
      'Sourabh Bajaj',
    );
  });

  it('does not take a job title or a section heading for a name', () => {
    expect(extractName('Senior Software Engineer\nProfessional Summary\nBuilt things.')).toBeNull();
  });

  it('finds the name next to the e-mail when the contact block comes last, ignoring referees', () => {
    const text =
      'CAREER OBJECTIVE\nTo grow.\nREFERENCES\nMr. Prasad Muley\nFather’s Name: Nitin Joshi\nAtharva Joshi\natharva@example.com';
    expect(extractName(text, 'atharva@example.com')).toBe('Atharva Joshi');
  });
});

describe('extractName on flattened text (the whole resume on one line, as some PDFs extract)', () => {
  const flat = (text: string): string => text.replace(/\s*\n\s*/g, ' ');

  it('finds the name where a job title starts after it', () => {
    expect(extractName(flat(londonResume))).toBe('Priya Sharma');
    expect(extractName('Govardhana K Senior Software Engineer Bengaluru, Karnataka - Email me on Indeed: indeed.com/r/Govardhana-K/b2de315d95905b68 Total IT experience 5 Years 6 Months')).toBe(
      'Govardhana K',
    );
  });

  it('stops at a place, a dash, a repeated name or a sentence after the name', () => {
    const tail = ' - Email me on Indeed: indeed.com/r/x/123 WORK EXPERIENCE Software Engineer Acme Corp 2015 to 2019 and a lot more text about the work done there';
    expect(extractName(`Jay Madhavi Navi Mumbai, Maharashtra${tail}`)).toBe('Jay Madhavi');
    expect(extractName(`Sai Dhir${tail}`)).toBe('Sai Dhir');
    expect(extractName(`Soumya Balan Soumya Balan - BE Computer Science${tail}`)).toBe('Soumya Balan');
    expect(extractName(`Shrishti Chauhan Have total work experience of 2.5 years on Oracle Fusion Middleware${tail}`)).toBe('Shrishti Chauhan');
  });

  it('does not take a heading or a title for a name', () => {
    expect(extractName(`Curriculum Vitae Senior Software Engineer with ten years of experience in payments and billing systems across Europe and Asia, working in ${'Java and Go '.repeat(10)}`)).toBeNull();
  });
});

describe('extractEmail and extractLinks', () => {
  it('finds the first e-mail address', () => {
    expect(extractEmail(londonResume)).toBe('priya.sharma@example.co.uk');
    expect(extractEmail('no address here')).toBeNull();
  });

  it('finds LinkedIn, GitHub and portfolio links but not e-mail domains', () => {
    expect(extractLinks(`${londonResume}\nPortfolio: www.priya.dev`)).toEqual([
      'linkedin.com/in/priya-sharma',
      'https://github.com/priyasharma',
      'www.priya.dev',
    ]);
  });
});

describe('extractPhone', () => {
  it('returns E.164 for international numbers', () => {
    expect(extractPhone('Phone: +44 20 7946 0958')).toBe('+442079460958');
    expect(extractPhone('Mobile +91 98765 43210')).toBe('+919876543210');
  });

  it('reads national numbers in the default country (US unless configured)', () => {
    expect(extractPhone('Call (415) 555-0132 any time')).toBe('+14155550132');
    expect(extractPhone('Mobile: 98765 43210', 'IN')).toBe('+919876543210');
  });

  it('keeps the digits of a placeholder number that does not validate', () => {
    expect(extractPhone('I (123) 456-7890\n# alfred@example.com')).toBe('1234567890');
  });

  it('does not glue a zip code onto the phone, nor read date ranges as phones', () => {
    expect(extractPhone('2222 McCoy Road Columbus, Ohio 44444 614-555-5555 jo@kent.edu')).toBe(
      '+16145555555',
    );
    expect(extractPhone('Analyst 03/2018 - 06/2021\nEngineer 2016 - 2020')).toBeNull();
  });

  it('removes soft hyphens before reading the number (via normalised text)', () => {
    expect(extractPhone('(909) 555-5555')).toBe('+19095555555');
  });
});

describe('years of experience', () => {
  it('merges overlapping ranges, counts Present as now, and leaves education out', () => {
    // 2016-01..2018-01 (24 months) + 2018-03..2025-06 merged (Revolut overlaps Monzo) = 24 + 87 = 111 months.
    expect(estimateExperienceYears(londonResume, NOW)).toBe(9.3);
    const ranges = findDateRanges(londonResume, NOW);
    expect(ranges.filter((r) => r.section === 'education')).toHaveLength(1);
  });

  it('counts month ranges inclusively and year ranges by difference', () => {
    expect(mergedMonths(findDateRanges('EXPERIENCE\nAcme Jan 2019 – Mar 2019', NOW))).toBe(3);
    expect(mergedMonths(findDateRanges('EXPERIENCE\nAcme 2012 – 2017', NOW))).toBe(60);
  });

  it('reads ranges split over two lines ("2017 –" / "Present")', () => {
    expect(estimateExperienceYears('Experience\n2017 –\nPresent\nProduct Manager, Google', NOW)).toBe(8.5);
  });

  it('ignores project and volunteer dates', () => {
    const text =
      'Experience\nEngineer, Acme, June 2022 - Present\nProjects\nSide project 2015 - Present\nVolunteer Experience\nCoach, YMCA, 2010 - 2014';
    expect(estimateExperienceYears(text, NOW)).toBe(3.1);
  });

  it('prefers a stated total that is larger than the listed ranges, never a smaller one', () => {
    const recentOnly = 'Over 13 years of experience in IT.\nExperience\nLead, Acme, Jan 2020 - Present';
    expect(estimateExperienceYears(recentOnly, NOW)).toBe(13);
    const understated = '5 years of experience.\nExperience\nLead, Acme, Jan 2015 - Present';
    expect(estimateExperienceYears(understated, NOW)).toBe(10.5);
  });

  it('falls back to an explicit claim when there are no dates', () => {
    expect(estimateExperienceYears('Seasoned PM with over 12 years of experience in fintech.', NOW)).toBe(12);
    expect(statedYears('Engineer with 5+ years of proven expertise')).toBe(5);
    expect(statedYears('Total Experience: 6.5 years')).toBe(6.5);
    expect(estimateExperienceYears('Fresh graduate looking for a role.', NOW)).toBeNull();
  });
});

describe('title and location', () => {
  it('takes the title under the name and the city from the contact line', () => {
    expect(extractCurrentTitle(londonResume, 'Priya Sharma')).toBe('Senior Backend Engineer');
    expect(extractLocation(londonResume)).toBe('London, UK');
    expect(extractLocation('Jane Roe\nSan Francisco, CA 94105 | jane@x.io')).toBe('San Francisco, CA');
  });
});

describe('createLocalFieldExtractor', () => {
  it('extracts every field from a hand-written resume', async () => {
    const extractor = createLocalFieldExtractor({ now: NOW });
    const result = await extractor.extract(londonResume);
    expect(extractor.name).toBe('local');
    expect(result.extractor).toBe('local');
    expect(result.usage).toBeUndefined();
    expect(result.fields).toEqual({
      name: 'Priya Sharma',
      email: 'priya.sharma@example.co.uk',
      phone: '+442079460958',
      experienceYears: 9.3,
      skills: [
        'Go',
        'PostgreSQL',
        'Kubernetes',
        'Java',
        'Kotlin',
        'Microservices',
        'JavaScript',
        'Docker',
        'AWS',
      ],
      currentTitle: 'Senior Backend Engineer',
      location: 'London, UK',
      links: ['linkedin.com/in/priya-sharma', 'https://github.com/priyasharma'],
    });
  });

  it('does not report Java for a JavaScript-only resume', async () => {
    const { fields } = await createLocalFieldExtractor({ now: NOW }).extract(
      'Sam Lee\nFrontend Developer\nSkills: JavaScript, TypeScript, React Native',
    );
    expect(fields.skills).toEqual(['JavaScript', 'TypeScript', 'React Native']);
  });

  it('uses the configured default country for national phone numbers', async () => {
    const { fields } = await createLocalFieldExtractor({ now: NOW, defaultPhoneCountry: 'IN' }).extract(
      'Ravi Kumar\nMobile: 98765 43210\nravi@example.in',
    );
    expect(fields.phone).toBe('+919876543210');
  });

  it('reads the same fields from a real PDF and a real DOCX', async () => {
    const lines = londonResume.split('\n');
    const extractor = createLocalFieldExtractor({ now: NOW });
    for (const [fileName, bytes] of [
      ['cv.pdf', await pdfFromLines(lines)],
      ['cv.docx', await docxFromParagraphs(lines)],
    ] as const) {
      const { text } = await extractText({ fileName, bytes }, { maxFileSizeBytes: 8 * 1024 * 1024 });
      const { fields } = await extractor.extract(text);
      expect([fileName, fields.name, fields.email, fields.phone, fields.experienceYears]).toEqual([
        fileName,
        'Priya Sharma',
        'priya.sharma@example.co.uk',
        '+442079460958',
        9.3,
      ]);
    }
  });
});
