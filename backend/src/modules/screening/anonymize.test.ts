import { describe, expect, it } from 'vitest';
import { scrubPersonalDetails } from './anonymize';
import { extractFieldsLocally } from './fields/local';

const resume = (who: { name: string; email: string; phone: string; city: string; street: string }) =>
  [
    who.name,
    `${who.email} | ${who.phone} | linkedin.com/in/${who.name.toLowerCase().replace(' ', '-')}`,
    who.street,
    who.city,
    'Senior Data Engineer',
    'Experience',
    'Data Engineer, Northwind, Jan 2018 - Present',
    `Built Spark pipelines; mentored the team (ask ${who.name} about the migration).`,
    'Skills: Python, SQL, Spark, Airflow',
  ].join('\n');

const maya = { name: 'Maya Chen', email: 'maya.chen@example.com', phone: '+1 (415) 555-0199', city: 'San Francisco, CA', street: '12 Market Street' };
const omar = { name: 'Omar Haddad', email: 'o.haddad@mail.example.org', phone: '020 7946 0958', city: 'London, UK', street: 'Flat 3, 44 Baker Street' };

describe('scrubPersonalDetails', () => {
  it('gives the same text for the same resume under another name, e-mail, phone, links and address', () => {
    const a = resume(maya);
    const b = resume(omar);
    const scrubbedA = scrubPersonalDetails(a, extractFieldsLocally(a));
    const scrubbedB = scrubPersonalDetails(b, extractFieldsLocally(b));
    expect(scrubbedA).toBe(scrubbedB);
    for (const detail of [...Object.values(maya), ...Object.values(omar)]) {
      expect(scrubbedA).not.toContain(detail);
    }
  });

  it('keeps what the candidate did: titles, dates, skills', () => {
    const text = resume(maya);
    const scrubbed = scrubPersonalDetails(text, extractFieldsLocally(text));
    expect(scrubbed).toContain('Data Engineer, Northwind, Jan 2018 - Present');
    expect(scrubbed).toContain('Skills: Python, SQL, Spark, Airflow');
    expect(scrubbed).toContain('Senior Data Engineer');
  });

  it('takes the name out of a resume flattened onto one line without dropping the line', () => {
    const text = 'Maya Chen maya.chen@example.com Data Engineer at Northwind 2018 - 2021, Python and Spark pipelines '.repeat(3);
    const scrubbed = scrubPersonalDetails(text, { name: 'Maya Chen', email: 'maya.chen@example.com', phone: null, location: null, links: [] });
    expect(scrubbed).not.toMatch(/Maya|maya/);
    expect(scrubbed).toContain('Data Engineer at Northwind 2018 - 2021, Python and Spark pipelines');
  });
});
