import { describe, expect, it } from 'vitest';
import { createLexicalEmbedder } from './embedder';
import { createLocalFieldExtractor } from './fields/local';
import { parseJobRequirements } from './jd-requirements';
import { createLocalTasks, type JobContext } from './tasks';

describe('the analyse task', () => {
  const tasks = createLocalTasks({ embedder: createLexicalEmbedder('test'), fieldExtractor: createLocalFieldExtractor() });

  it('scores the same resume under another identity exactly the same (SPEC §3)', async () => {
    const jd = 'Data Engineer. Requirements: 3+ years of Python, SQL and Spark.';
    const job: JobContext = {
      requirements: parseJobRequirements('Data Engineer', jd),
      jdVector: await tasks.embed({ text: jd }),
      embedderKind: 'lexical',
      shortlistThreshold: 85,
    };
    const body = ['Data Engineer', 'Experience', 'Data Engineer, Northwind, Jan 2018 - Present', 'Python, SQL, Spark pipelines'];
    const a = await tasks.analyse({ text: ['Maya Chen', 'maya@example.com · +1 415 555 0199', 'San Francisco, CA', ...body].join('\n'), fields: null, job });
    const b = await tasks.analyse({ text: ['Omar Haddad', 'omar.h@example.org · 020 7946 0958', 'London, UK', ...body].join('\n'), fields: null, job });
    expect([a.fields.name, b.fields.name]).toEqual(['Maya Chen', 'Omar Haddad']);
    expect(Array.from(a.vector)).toEqual(Array.from(b.vector));
    expect(a.score).toEqual(b.score);
  });
});

describe('the score task (re-scoring stored candidates)', () => {
  const tasks = createLocalTasks({ embedder: createLexicalEmbedder('test'), fieldExtractor: createLocalFieldExtractor() });

  it('leaves the semantic part out for a vector from another embedder, and still scores the rest', async () => {
    const jd = 'Data Engineer. Requirements: 3+ years of Python, SQL and Spark.';
    const job: JobContext = {
      requirements: parseJobRequirements('Data Engineer', jd),
      jdVector: await tasks.embed({ text: jd }),
      embedderKind: 'lexical',
      shortlistThreshold: 85,
    };
    const text = ['Data Engineer', 'Experience', 'Data Engineer, Northwind, Jan 2018 - Present', 'Python, SQL, Spark pipelines'].join('\n');
    const analysed = await tasks.analyse({ text, fields: null, job });
    const [comparable, foreign] = await tasks.score({
      job,
      candidates: [
        { vector: analysed.vector, features: analysed.features },
        { vector: null, features: analysed.features },
      ],
    });
    expect(comparable!.explanation.parts.find((p) => p.key === 'semantic')).toMatchObject({ applies: true });
    expect(comparable!.match_score).toBe(analysed.score.match_score);
    expect(foreign!.explanation.parts.find((p) => p.key === 'semantic')).toMatchObject({ applies: false, points: 0 });
    expect(foreign!.explanation.requirements).toEqual(comparable!.explanation.requirements);
  });
});
