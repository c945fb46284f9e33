import { describe, expect, it } from 'vitest';
import { LEXICAL_DIMENSION, lexicalTerms, lexicalVector, stem, termWeight } from './lexical.js';

function cosine(a: Float32Array, b: Float32Array): number {
  return a.reduce((s, x, i) => s + x * (b[i] ?? 0), 0);
}

describe('lexicalTerms', () => {
  it('stems inflections to one term and drops stop words and resume boilerplate', () => {
    expect(lexicalTerms('Developed developers development with the team')).toEqual(['develop', 'develop', 'develop']);
    expect(stem('databases')).toBe('databas');
    expect(stem('databases')).toBe(stem('database'));
  });

  it('keeps technology spellings with dots, pluses and hashes intact', () => {
    expect(lexicalTerms('C++, C#, Node.js and .NET')).toEqual(['c++', 'c#', 'node.js', '.net']);
  });
});

describe('lexicalVector', () => {
  it('is unit length, of the fixed dimension, and the same for the same text', () => {
    const a = lexicalVector('Senior Java developer, Spring Boot, microservices');
    expect(a).toHaveLength(LEXICAL_DIMENSION);
    expect(Math.hypot(...a)).toBeCloseTo(1, 5);
    expect(Array.from(lexicalVector('Senior Java developer, Spring Boot, microservices'))).toEqual(Array.from(a));
  });

  it('is all zeros for text without any terms', () => {
    expect(lexicalVector('the and of 123').every((x) => x === 0)).toBe(true);
  });

  it('weighs a word by how much it says about a job, and a word no occupation uses not at all', () => {
    const weight = (word: string): number => termWeight(lexicalTerms(word)[0] ?? '');
    expect(weight('Hadoop')).toBeGreaterThan(2 * weight('management'));
    expect(weight('surveying')).toBeGreaterThan(weight('project'));
    expect(weight('Xyzzyq')).toBe(0);
    // A town and a typo in the text leave the vector as it was.
    expect(Array.from(lexicalVector('Civil engineer, road surveying, Xyzzyq Qwertzburg'))).toEqual(Array.from(lexicalVector('Civil engineer, road surveying')));
  });

  it('ranks a resume sharing the JD vocabulary above an unrelated one', () => {
    const jd = lexicalVector('Data engineer: build Spark pipelines, Hadoop, Hive, ETL into the warehouse');
    const match = lexicalVector('Built ETL pipelines on Hadoop and Hive; Spark jobs loading the data warehouse');
    const other = lexicalVector('Registered nurse caring for patients on a surgical ward');
    expect(cosine(jd, match)).toBeGreaterThan(0.3);
    expect(cosine(jd, other)).toBeLessThan(0.1);
  });
});
