/**
 * A screening job with thousands of realistic candidates, written through the repositories' own functions
 * (the same transactions that keep the job's aggregates, skills index and history) — never the pipeline, so
 * it costs no credits and takes seconds. Used by `npm run bench:candidates` and the browser journey.
 */
import { createHash } from 'node:crypto';
import { inTransaction, type DB } from '../../backend/src/db/database';
import { changeStages, insertCandidate } from '../../backend/src/modules/candidates/candidates.repository';
import { insertJobFile } from '../../backend/src/modules/jobs/job-files.repository';
import { insertJob } from '../../backend/src/modules/jobs/jobs.repository';

const FIRST = ['Ada', 'Ben', 'Chiara', 'Dmitri', 'Elif', 'Farah', 'Gustavo', 'Hana', 'Ines', 'Jonas', 'Kwame', 'Lena', 'Mateo', 'Nadia', 'Omar', 'Priya', 'Quentin', 'Rosa', 'Sven', 'Tomasz', 'Uma', 'Viktor', 'Wen', 'Xavier', 'Yara', 'Zoë'];
const LAST = ['Okafor', 'Lindqvist', 'Moreau', 'Nakamura', 'Fernández', 'Kowalski', 'Haddad', 'Schmidt', 'Rossi', 'Chen', 'Adeyemi', 'Petrova', "O'Neill", 'Raghavan', 'Becker', 'Watanabe', 'Johnson', 'García', 'Van der Berg', 'Müller-Lüdenscheidt'];
const TITLES = ['Senior Software Engineer', 'Full-Stack Developer', 'Frontend Engineer', 'Backend Engineer', 'Platform Engineer', 'Data Engineer', 'Engineering Manager', 'DevOps Engineer', 'Software Developer', 'Staff Engineer', null];
const SKILLS = ['TypeScript', 'JavaScript', 'React', 'Node.js', 'PostgreSQL', 'AWS', 'Docker', 'Kubernetes', 'GraphQL', 'Python', 'Go', 'Java', 'Redis', 'Terraform', 'CI/CD', 'Next.js', 'Vue.js', 'MySQL', 'MongoDB', 'Kafka', 'Rust', 'C#', 'Azure', 'GCP', 'Linux', 'REST', 'Tailwind CSS', 'Jest', 'Playwright', 'Microservices'];
const REQUIRED = ['TypeScript', 'React', 'Node.js', 'PostgreSQL', 'AWS', 'Docker', 'Kubernetes'];
const PHONES = ['+44 20 7946 0{n}', '+1 415 555 0{n}', '+49 30 901820{n}', '+4420794610{n}', '(415) 555-0{n}'];
const CITIES = ['London, UK', 'Berlin, Germany', 'San Francisco, CA', 'Lisbon, Portugal', 'Toronto, Canada', null];

/** mulberry32: the same candidates on every run, so figures are comparable between machines. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface SeedOptions {
  count: number;
  title?: string;
  /** People-made decisions to record, so stage filters have something to find. */
  decided?: number;
  seed?: number;
  threshold?: number;
  isBlind?: boolean;
}

/** Creates the job and its candidates; returns the job's id. */
export async function seedWorkspaceJob(db: DB, userId: number, options: SeedOptions): Promise<number> {
  const rand = random(options.seed ?? 42);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
  const threshold = options.threshold ?? 85;
  const job = await insertJob(db, {
    userId,
    title: options.title ?? 'Senior Full-Stack Engineer',
    description: `Senior Full-Stack Engineer. 5+ years. Required: ${REQUIRED.join(', ')}. Nice to have: GraphQL, Terraform.`,
    shortlistThreshold: threshold,
    requiredSkills: REQUIRED,
    requiredYears: 5,
    requirements: { requiredSkills: REQUIRED, requiredYears: 5, preferredSkills: ['GraphQL', 'Terraform'] },
  });
  await db
    .updateTable('jobs')
    .set({ blind_review: options.isBlind === false ? 0 : 1, status: 'completed', completed_at: new Date().toISOString() })
    .where('id', '=', job.id)
    .execute();

  const ids: number[] = [];
  const BATCH = 250;
  for (let start = 0; start < options.count; start += BATCH) {
    const batch = await inTransaction(db, async (trx) => {
      const made: number[] = [];
      for (let i = start; i < Math.min(options.count, start + BATCH); i++) {
        const first = pick(FIRST);
        const last = pick(LAST);
        const name = rand() < 0.02 ? null : `${first} ${last}`;
        // Each candidate fits the job to some degree: that share of the required skills, plus a few others.
        const fit = rand() ** 0.7;
        const skills = [
          ...new Set([...REQUIRED.filter(() => rand() < fit), ...Array.from({ length: 1 + Math.floor(rand() * 8) }, () => pick(SKILLS))]),
        ];
        const matched = REQUIRED.filter((s) => skills.includes(s));
        const skillScore = Math.round((matched.length / REQUIRED.length) * 1000) / 10;
        const years = rand() < 0.05 ? null : Math.round(rand() * 200) / 10;
        const experienceScore = years === null ? 50 : Math.min(100, Math.round((years / 5) * 1000) / 10);
        const semanticScore = Math.round(Math.min(100, 25 + fit * 60 + rand() * 20) * 10) / 10;
        const matchScore = rand() < 0.01 ? null : Math.round((0.45 * skillScore + 0.35 * semanticScore + 0.2 * experienceScore) * 10) / 10;
        const fileName = `${(name ?? 'resume').toLowerCase().replace(/[^a-z]+/g, '-')}-${i + 1}.pdf`;
        const contentHash = createHash('sha256').update(`${job.id}:${i}`).digest('hex');
        const fileId = await insertJobFile(trx, {
          jobId: job.id,
          userId,
          fileName,
          contentHash,
          sizeBytes: 40_000 + Math.floor(rand() * 200_000),
          status: 'queued',
          reasonCode: null,
          reason: null,
          creditSource: 'trial',
        });
        const id = await insertCandidate(
          trx,
          {
            job_id: job.id,
            user_id: userId,
            file_id: fileId,
            file_name: fileName,
            content_hash: contentHash,
            name,
            email: `${first}.${last}.${i + 1}@example.com`.toLowerCase().replace(/[^a-z0-9.@]+/g, ''),
            phone: rand() < 0.1 ? null : pick(PHONES).replace('{n}', String(100 + (i % 900))),
            experience_years: years,
            skills: JSON.stringify(skills),
            current_title: pick(TITLES),
            location: pick(CITIES),
            links: JSON.stringify(rand() < 0.3 ? [`github.com/${first.toLowerCase()}${i}`] : []),
            extractor: 'local',
            embedding: null,
            embedder_kind: null,
            match_score: matchScore,
            skill_score: skillScore,
            experience_score: experienceScore,
            semantic_score: semanticScore,
            semantic_similarity: semanticScore / 100,
            matched_skills: JSON.stringify(matched),
            missing_skills: JSON.stringify(REQUIRED.filter((s) => !skills.includes(s))),
            status: matchScore !== null && matchScore >= threshold ? 'shortlisted' : 'below_threshold',
            features: null,
            explanation: null,
            processing_notes: '[]',
          },
          { tokens: 0, costUsd: 0 },
        );
        if (id === undefined) {
          throw new Error('seedWorkspaceJob: the file was not pending');
        }
        made.push(id);
      }
      return made;
    });
    ids.push(...batch);
  }
  const decided = Math.min(options.decided ?? 0, ids.length);
  if (decided > 0) {
    const stages = ['to_review', 'maybe', 'rejected', 'shortlisted'] as const;
    await inTransaction(db, async (trx) => {
      for (const [i, stage] of stages.entries()) {
        const slice = ids.filter((_, at) => at % stages.length === i).slice(0, Math.ceil(decided / stages.length));
        if (slice.length > 0) {
          await changeStages(trx, userId, job.id, userId, slice, stage, 'Seeded decision');
        }
      }
    });
  }
  await db.updateTable('jobs').set({ progress_total: options.count }).where('id', '=', job.id).execute();
  return job.id;
}
