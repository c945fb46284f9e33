import { sql, type Expression, type ExpressionBuilder, type Insertable, type SqlBool } from 'kysely';
import { scoreBucket, type ParsedCandidateListQuery, type StageCounts } from '@shortlist/contracts';
import { nowIso, parseJsonArray, toNumber, type DB } from '../../db/database';
import { owned } from '../../db/owned';
import type { CandidateRow, CandidateStageValue, CandidatesTable, Database } from '../../db/types';
import { notFound } from '../../errors';
import { BUCKET_COLUMN, emptyAggregates, type CandidateAggregates } from '../jobs/job-aggregates';
import { containsPattern, searchTexts, skillKeys } from './search-keys';

const LIST_FIELDS = [
  'id',
  'job_id',
  'file_name',
  'name',
  'email',
  'phone',
  'experience_years',
  'skills',
  'current_title',
  'location',
  'links',
  'extractor',
  'match_score',
  'skill_score',
  'experience_score',
  'semantic_score',
  'semantic_similarity',
  'matched_skills',
  'missing_skills',
  'status',
  'stage',
  'stage_changed_at',
  'note_count',
  'processing_notes',
  'fine_score',
  'duplicate_of',
  'duplicate_reason',
  'created_at',
] as const satisfies ReadonlyArray<keyof CandidateRow>;

/** What a list row reads: everything the table and the expanded row show, never the embedding or JSON blobs. */
const LIST_COLUMNS = LIST_FIELDS.map((field) => `candidates.${field}` as const);

export type CandidateListRow = Pick<CandidateRow, (typeof LIST_FIELDS)[number]> & {
  /** Username of whoever set the stage last. */
  stage_changed_by_name: string | null;
};

const nullableNumber = (v: number | null) => (v === null ? null : toNumber(v));

function normaliseListRow(row: CandidateListRow): CandidateListRow {
  return {
    ...row,
    experience_years: nullableNumber(row.experience_years),
    match_score: nullableNumber(row.match_score),
    skill_score: nullableNumber(row.skill_score),
    experience_score: nullableNumber(row.experience_score),
    semantic_score: nullableNumber(row.semantic_score),
    semantic_similarity: nullableNumber(row.semantic_similarity),
    note_count: toNumber(row.note_count),
    fine_score: nullableNumber(row.fine_score),
    duplicate_of: nullableNumber(row.duplicate_of),
  };
}

function normaliseCandidate(row: CandidateRow): CandidateRow {
  return {
    ...row,
    experience_years: nullableNumber(row.experience_years),
    match_score: nullableNumber(row.match_score),
    skill_score: nullableNumber(row.skill_score),
    experience_score: nullableNumber(row.experience_score),
    semantic_score: nullableNumber(row.semantic_score),
    semantic_similarity: nullableNumber(row.semantic_similarity),
    score_version: toNumber(row.score_version),
    note_count: toNumber(row.note_count),
    skill_count: toNumber(row.skill_count),
    fine_score: nullableNumber(row.fine_score),
    duplicate_of: nullableNumber(row.duplicate_of),
  };
}

/** A processed resume as the pipeline hands it over; the stage and search columns are this module's to set. */
export type NewCandidate = Omit<
  Insertable<CandidatesTable>,
  | 'id'
  | 'created_at'
  | 'updated_at'
  | 'score_version'
  | 'stage'
  | 'stage_changed_at'
  | 'stage_changed_by'
  | 'note_count'
  | 'skill_count'
  | 'search_text'
  | 'identity_text'
>;

/** The recommendation for a score's verdict: at or above the threshold it recommends, below it never rejects. */
export function recommendationOf(verdict: 'shortlisted' | 'rejected' | 'below_threshold'): CandidateRow['status'] {
  return verdict === 'shortlisted' ? 'shortlisted' : 'below_threshold';
}

async function insertSkills(trx: DB, candidateId: number, jobId: number, skills: string[]): Promise<void> {
  const keys = skillKeys(skills);
  if (keys.length > 0) {
    await trx
      .insertInto('candidate_skills')
      .values(keys.map((k) => ({ candidate_id: candidateId, job_id: jobId, skill: k.skill, label: k.label })))
      .execute();
  }
}

/**
 * Stores a processed resume and, in the same transaction (the caller's `trx`), marks its file done,
 * advances progress and updates the job's aggregates and LLM usage. Throws AlreadyHandled — the caller's
 * transaction then writes nothing — when the file is no longer waiting for a result (done by another worker,
 * rejected, or its job deleted): work is delivered at least once, and this guard makes it count once. Every
 * candidate starts in stage `new`: processing recommends, it never decides.
 */
export async function insertCandidate(
  trx: DB,
  candidate: NewCandidate,
  usage: { tokens: number; costUsd: number },
  signatureBands: string[] = [],
): Promise<number> {
  const scope = owned(trx, candidate.user_id);
  const now = nowIso();
  const skills = parseJsonArray(candidate.skills);
  const texts = searchTexts({
    name: candidate.name ?? null,
    email: candidate.email ?? null,
    file_name: candidate.file_name,
    current_title: candidate.current_title ?? null,
    skills,
  });
  let candidateId: number;
  try {
    const result = await trx
      .insertInto('candidates')
      .values({
        ...candidate,
        ...texts,
        skill_count: skills.length,
        stage: 'new',
        score_version: 1,
        created_at: now,
        updated_at: now,
      })
      .executeTakeFirstOrThrow();
    candidateId = Number(result.insertId);
  } catch (err) {
    // (job, content) is unique: another worker stored this file's candidate already; or the job is gone.
    if (isUniqueOrReferenceViolation(err)) {
      throw new AlreadyHandled();
    }
    throw err;
  }
  const claimed = await scope
    .updateFiles()
    .set({ status: 'done', candidate_id: candidateId, updated_at: now })
    .where('id', '=', candidate.file_id)
    .where('job_id', '=', candidate.job_id)
    .where('status', 'in', ['queued', 'processing'])
    .executeTakeFirst();
  if (Number(claimed.numUpdatedRows) !== 1) {
    // Rejected, refunded or deleted meanwhile: the caller's transaction rolls the insert back.
    throw new AlreadyHandled();
  }
  await insertSkills(trx, candidateId, candidate.job_id, skills);
  if (signatureBands.length > 0) {
    await trx
      .insertInto('candidate_signature_bands')
      .values(signatureBands.map((band) => ({ job_id: candidate.job_id, candidate_id: candidateId, band })))
      .execute();
  }
  const score = candidate.match_score ?? null;
  const bucket = score === null ? null : BUCKET_COLUMN[scoreBucket(score)];
  await scope
    .updateJobs()
    .set((eb) => ({
      progress_done: eb('progress_done', '+', 1),
      candidate_count: eb('candidate_count', '+', 1),
      score_sum: eb('score_sum', '+', score ?? 0),
      ...(bucket ? { [bucket]: eb(bucket, '+', 1) } : {}),
      tokens_used: eb('tokens_used', '+', usage.tokens),
      cost_usd: eb('cost_usd', '+', usage.costUsd),
      candidates_version: eb('candidates_version', '+', 1),
      updated_at: now,
    }))
    .where('id', '=', candidate.job_id)
    .execute();
  if (usage.tokens > 0) {
    await trx
      .updateTable('users')
      .set((eb) => ({
        tokens_used: eb('tokens_used', '+', usage.tokens),
        cost_usd: eb('cost_usd', '+', usage.costUsd),
      }))
      .where('id', '=', candidate.user_id)
      .execute();
  }
  return candidateId;
}

/** Thrown inside insertCandidate's transaction when the file was handled elsewhere: nothing may be written. */
export class AlreadyHandled extends Error {
  constructor() {
    super('the file is no longer waiting for a result');
    this.name = 'AlreadyHandled';
  }
}

function isUniqueOrReferenceViolation(err: unknown): boolean {
  const code = (err as { code?: string } | null)?.code ?? '';
  return ['ER_DUP_ENTRY', 'ER_NO_REFERENCED_ROW_2', 'SQLITE_CONSTRAINT_UNIQUE', 'SQLITE_CONSTRAINT_FOREIGNKEY'].includes(code);
}

/** An earlier candidate of the job that a new resume may repeat: its contact details and content signature. */
export interface DuplicateProbeRow {
  id: number;
  email: string | null;
  phone: string | null;
  features: string | null;
}

/**
 * The job's candidates that could be the same person as a new resume: the same e-mail or phone, or content
 * sharing a MinHash band (a few rows, however many candidates the job has). Oldest first.
 */
export async function findDuplicateProbes(
  db: DB,
  userId: number,
  jobId: number,
  probe: { email: string | null; phone: string | null; bands: string[] },
): Promise<DuplicateProbeRow[]> {
  const scope = owned(db, userId);
  const byBand =
    probe.bands.length > 0
      ? db
          .selectFrom('candidate_signature_bands')
          .select('candidate_id')
          .where('job_id', '=', jobId)
          .where('band', 'in', probe.bands)
          .where('job_id', 'in', scope.jobIds())
      : null;
  return scope
    .selectCandidates()
    .select(['id', 'email', 'phone', 'features'])
    .where('job_id', '=', jobId)
    .where((eb) =>
      eb.or([
        ...(probe.email ? [eb('email', '=', probe.email)] : []),
        ...(probe.phone ? [eb('phone', '=', probe.phone)] : []),
        ...(byBand ? [eb('id', 'in', byBand)] : []),
        // Nothing to compare by: no row.
        sql<boolean>`1 = 0`,
      ]),
    )
    .orderBy('id', 'asc')
    .limit(50)
    .execute();
}

/** The stored score explanation of one candidate (JSON), for its detail view; null if it has none. */
export async function findExplanation(db: DB, userId: number, jobId: number, candidateId: number): Promise<string | null> {
  const row = await owned(db, userId)
    .selectCandidates()
    .select('explanation')
    .where('id', '=', candidateId)
    .where('job_id', '=', jobId)
    .executeTakeFirst();
  return row?.explanation ?? null;
}

type CandidatesEb = ExpressionBuilder<Database, 'candidates'>;

/** Whether a row's identity may be shown: always without blind review, else once a person shortlisted it. */
function identityVisible(eb: CandidatesEb, isBlind: boolean): Expression<SqlBool> {
  return isBlind ? eb('candidates.stage', '=', 'shortlisted') : sql<SqlBool>`1 = 1`;
}

const BAND_RANGES: Record<'0_50' | '50_80' | '80_90' | '90_100', [number, number | null]> = {
  '0_50': [Number.NEGATIVE_INFINITY, 50],
  '50_80': [50, 80],
  '80_90': [80, 90],
  '90_100': [90, null],
};

/** The WHERE of a list query: the job, then every filter the query names (all must hold). */
function listFilters(
  eb: CandidatesEb,
  jobId: number,
  isBlind: boolean,
  query: ParsedCandidateListQuery,
): Expression<SqlBool> {
  const conditions: Array<Expression<SqlBool>> = [eb('candidates.job_id', '=', jobId)];
  if (query.q) {
    const pattern = containsPattern(query.q);
    const inText = sql<SqlBool>`candidates.search_text like ${pattern} escape '!'`;
    const inIdentity = sql<SqlBool>`candidates.identity_text like ${pattern} escape '!'`;
    conditions.push(eb.or([inText, eb.and([identityVisible(eb, isBlind), inIdentity])]));
  }
  if (query.stage) {
    conditions.push(eb('candidates.stage', 'in', query.stage));
  }
  if (query.status) {
    conditions.push(eb('candidates.status', 'in', query.status));
  }
  if (query.band) {
    conditions.push(
      eb.or(
        query.band.map((band) => {
          const [low, high] = BAND_RANGES[band];
          const parts: Array<Expression<SqlBool>> = [eb('candidates.match_score', 'is not', null)];
          if (Number.isFinite(low)) {
            parts.push(eb('candidates.match_score', '>=', low));
          }
          if (high !== null) {
            parts.push(eb('candidates.match_score', '<', high));
          }
          return eb.and(parts);
        }),
      ),
    );
  }
  for (const skill of query.has_skill ?? []) {
    conditions.push(
      eb(
        'candidates.id',
        'in',
        eb
          .selectFrom('candidate_skills')
          .select('candidate_skills.candidate_id')
          .where('candidate_skills.job_id', '=', jobId)
          .where('candidate_skills.skill', '=', skill.toLowerCase()),
      ),
    );
  }
  for (const skill of query.missing_skill ?? []) {
    conditions.push(
      eb.not(
        eb.exists(
          eb
            .selectFrom('candidate_skills')
            .select(sql`1`.as('one'))
            .whereRef('candidate_skills.candidate_id', '=', 'candidates.id')
            .where('candidate_skills.skill', '=', skill.toLowerCase()),
        ),
      ),
    );
  }
  if (query.min_years !== undefined) {
    conditions.push(eb('candidates.experience_years', '>=', query.min_years));
  }
  if (query.max_years !== undefined) {
    conditions.push(eb('candidates.experience_years', '<=', query.max_years));
  }
  return eb.and(conditions);
}

export const hasFilters = (query: ParsedCandidateListQuery): boolean =>
  Boolean(
    query.q ||
      query.stage ||
      query.status ||
      query.band ||
      query.has_skill ||
      query.missing_skill ||
      query.min_years !== undefined ||
      query.max_years !== undefined,
  );

/** Ascending for text, descending first for Match % (the table's default). */
export function defaultOrder(sort: ParsedCandidateListQuery['sort']): 'asc' | 'desc' {
  return sort === 'match' || sort === 'experience' || sort === 'skills' ? 'desc' : 'asc';
}

/**
 * One page of a job's candidates, filtered and sorted in SQL, plus how many match in all. Unknown values sort
 * last in either direction; ties go by id, so paging is stable. Under blind review a hidden candidate's name,
 * email and phone neither match a search nor order the rows (they sort as unknown).
 */
export async function listCandidatePage(
  db: DB,
  userId: number,
  job: { id: number; isBlind: boolean; candidateCount: number },
  query: ParsedCandidateListQuery,
): Promise<{ rows: CandidateListRow[]; total: number }> {
  const order = query.order ?? defaultOrder(query.sort);
  const scope = owned(db, userId);
  const hidden = (column: 'name' | 'email' | 'phone') =>
    job.isBlind
      ? sql`case when candidates.stage = 'shortlisted' then lower(candidates.${sql.ref(column)}) end`
      : sql`lower(candidates.${sql.ref(column)})`;
  const key = {
    name: hidden('name'),
    email: hidden('email'),
    phone: hidden('phone'),
    experience: sql`candidates.experience_years`,
    skills: sql`candidates.skill_count`,
    match: sql`candidates.match_score`,
    status: sql`candidates.status`,
    stage: sql`candidates.stage`,
  }[query.sort];
  // Deferred join: the page's ids come from the (job_id, column) indexes alone, and only those 50 rows are
  // then read whole — a deep page never reads (or joins) the rows it skips.
  let ids = scope
    .selectCandidates()
    .select('candidates.id')
    .where((eb) => listFilters(eb, job.id, job.isBlind, query));
  // NULL is the smallest value on both dialects: descending already puts it last; ascending needs the flag.
  if (order === 'asc') {
    ids = ids.orderBy(sql`case when ${key} is null then 1 else 0 end`);
  }
  ids = ids.orderBy(key, order);
  if (query.sort === 'match') {
    // Equal Match %: the explanation's finer order (index candidates_list_score_idx holds it).
    ids = ids.orderBy('candidates.fine_score', order);
  }
  if (query.sort === 'status' || query.sort === 'stage') {
    ids = ids.orderBy('candidates.match_score', 'desc');
  }
  const pageIds = (
    await ids
      // Ties in the sort's direction, so an index on (job_id, user_id, column) — which holds the id — is walked as is.
      .orderBy('candidates.id', order)
      .limit(query.page_size)
      .offset((query.page - 1) * query.page_size)
      .execute()
  ).map((r) => r.id);
  const rows = pageIds.length > 0 ? await getCandidatesByIds(db, userId, job.id, pageIds) : [];

  let total = job.candidateCount;
  if (hasFilters(query)) {
    const counted = await scope
      .selectCandidates()
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where((eb) => listFilters(eb, job.id, job.isBlind, query))
      .executeTakeFirst();
    total = toNumber(counted?.n);
  }
  return { rows, total };
}

/** Some of a job's candidates by id, as list rows, in the order asked for; throws NOT_FOUND if any is missing. */
export async function getCandidatesByIds(
  db: DB,
  userId: number,
  jobId: number,
  ids: readonly number[],
): Promise<CandidateListRow[]> {
  const unique = [...new Set(ids)];
  // The job is checked on the rows read, not in SQL: with it there, SQLite walks the job's index instead of
  // looking the ids up by primary key.
  const rows = (
    await owned(db, userId)
      .selectCandidates()
      .leftJoin('users as decider', 'decider.id', 'candidates.stage_changed_by')
      .select([...LIST_COLUMNS, 'decider.username as stage_changed_by_name'])
      .where('candidates.id', 'in', unique)
      .execute()
  ).filter((row) => row.job_id === jobId);
  if (rows.length !== unique.length) {
    throw notFound(unique.length === 1 ? 'Candidate' : 'One of the selected candidates');
  }
  const byId = new Map(rows.map((r) => [r.id, normaliseListRow(r)]));
  return unique.map((id) => byId.get(id)!);
}

export async function getCandidateRow(db: DB, userId: number, jobId: number, candidateId: number): Promise<CandidateListRow> {
  const [row] = await getCandidatesByIds(db, userId, jobId, [candidateId]);
  return row!;
}

/** One page of a job's candidates in id order, for work that walks a whole job in chunks (re-scoring). */
export async function listCandidatesAfter(
  db: DB,
  userId: number,
  jobId: number,
  afterId: number,
  limit: number,
): Promise<CandidateRow[]> {
  const rows = await owned(db, userId)
    .selectCandidates()
    .selectAll()
    .where('job_id', '=', jobId)
    .where('id', '>', afterId)
    .orderBy('id', 'asc')
    .limit(limit)
    .execute();
  return rows.map(normaliseCandidate);
}

/**
 * A person moves candidates of one job to `stage`: each candidate that actually changes gets its stage,
 * who and when, and a history row (with the optional reason); the job's shortlisted count and version move in
 * the same transaction (the caller's `trx`). Candidates already at that stage are left as they are. Any id
 * that is not one of the job's candidates fails the whole call with NOT_FOUND. Returns how many changed.
 */
export async function changeStages(
  trx: DB,
  userId: number,
  jobId: number,
  actorId: number,
  candidateIds: readonly number[],
  stage: CandidateStageValue,
  note: string | null,
): Promise<number> {
  const unique = [...new Set(candidateIds)];
  const scope = owned(trx, userId);
  const current = await scope
    .selectCandidates()
    .select(['id', 'stage'])
    .where('job_id', '=', jobId)
    .where('id', 'in', unique)
    .execute();
  if (current.length !== unique.length) {
    throw notFound(unique.length === 1 ? 'Candidate' : 'One of the selected candidates');
  }
  const changing = current.filter((c) => c.stage !== stage);
  if (changing.length === 0) {
    return 0;
  }
  const now = nowIso();
  const ids = changing.map((c) => c.id);
  await scope
    .updateCandidates()
    .set({ stage, stage_changed_at: now, stage_changed_by: actorId, updated_at: now })
    .where('job_id', '=', jobId)
    .where('id', 'in', ids)
    .execute();
  await trx
    .insertInto('candidate_history')
    .values(
      changing.map((c) => ({
        candidate_id: c.id,
        job_id: jobId,
        actor_id: actorId,
        kind: 'stage' as const,
        from_stage: c.stage,
        to_stage: stage,
        note,
        created_at: now,
      })),
    )
    .execute();
  const leaving = changing.filter((c) => c.stage === 'shortlisted').length;
  const shortlistedDelta = (stage === 'shortlisted' ? changing.length : 0) - leaving;
  await scope
    .updateJobs()
    .set((eb) => ({
      shortlisted_count: eb('shortlisted_count', '+', shortlistedDelta),
      candidates_version: eb('candidates_version', '+', 1),
    }))
    .where('id', '=', jobId)
    .execute();
  return changing.length;
}

/** A note on a candidate, by `actorId`, kept in the history; notes are never edited or deleted. */
export async function addNote(
  trx: DB,
  userId: number,
  jobId: number,
  candidateId: number,
  actorId: number,
  body: string,
): Promise<number> {
  const scope = owned(trx, userId);
  const now = nowIso();
  const updated = await scope
    .updateCandidates()
    .set((eb) => ({ note_count: eb('note_count', '+', 1), updated_at: now }))
    .where('job_id', '=', jobId)
    .where('id', '=', candidateId)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) !== 1) {
    throw notFound('Candidate');
  }
  const inserted = await trx
    .insertInto('candidate_history')
    .values({ candidate_id: candidateId, job_id: jobId, actor_id: actorId, kind: 'note', from_stage: null, to_stage: null, note: body, created_at: now })
    .executeTakeFirstOrThrow();
  await scope
    .updateJobs()
    .set((eb) => ({ candidates_version: eb('candidates_version', '+', 1) }))
    .where('id', '=', jobId)
    .execute();
  return Number(inserted.insertId);
}

export interface HistoryRow {
  id: number;
  kind: 'stage' | 'note';
  from_stage: CandidateStageValue | null;
  to_stage: CandidateStageValue | null;
  note: string | null;
  actor: string;
  created_at: string;
}

/** A candidate's stage changes and notes, newest first, each with the actor's username. */
export async function listHistory(db: DB, userId: number, jobId: number, candidateId: number): Promise<HistoryRow[]> {
  const rows = await db
    .selectFrom('candidate_history as h')
    .innerJoin('users as actor', 'actor.id', 'h.actor_id')
    .select(['h.id', 'h.kind', 'h.from_stage', 'h.to_stage', 'h.note', 'actor.username as actor', 'h.created_at'])
    .where('h.candidate_id', '=', candidateId)
    .where('h.job_id', '=', jobId)
    .where('h.job_id', 'in', owned(db, userId).jobIds())
    .orderBy('h.id', 'desc')
    .execute();
  return rows.map((r) => ({ ...r, id: toNumber(r.id) }));
}

/** How many of a job's candidates sit in each stage, and how many the score recommends. */
export async function countStages(
  db: DB,
  userId: number,
  jobId: number,
): Promise<{ stages: StageCounts; recommended: number }> {
  const rows = await owned(db, userId)
    .selectCandidates()
    .select((eb) => ['stage', 'status', eb.fn.countAll<number>().as('n')])
    .where('job_id', '=', jobId)
    .groupBy(['stage', 'status'])
    .execute();
  const stages: StageCounts = { new: 0, to_review: 0, shortlisted: 0, maybe: 0, rejected: 0 };
  let recommended = 0;
  for (const row of rows) {
    const n = toNumber(row.n);
    stages[row.stage] += n;
    if (row.status === 'shortlisted') {
      recommended += n;
    }
  }
  return { stages, recommended };
}

/** The skills a job's candidates name most often (for the skill filters), most common first. */
export async function topSkills(
  db: DB,
  userId: number,
  jobId: number,
  limit: number,
): Promise<Array<{ skill: string; count: number }>> {
  const rows = await db
    .selectFrom('candidate_skills')
    .select((eb) => [eb.fn.min('label').as('label'), eb.fn.countAll<number>().as('n')])
    .where('job_id', '=', jobId)
    .where('job_id', 'in', owned(db, userId).jobIds())
    .groupBy('skill')
    .orderBy('n', 'desc')
    .orderBy('skill', 'asc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ skill: String(r.label), count: toNumber(r.n) }));
}

/** Turns blind review on or off for one job. */
export async function setBlindReview(db: DB, userId: number, jobId: number, isOn: boolean): Promise<void> {
  const result = await owned(db, userId)
    .updateJobs()
    .set((eb) => ({ blind_review: isOn ? 1 : 0, candidates_version: eb('candidates_version', '+', 1), updated_at: nowIso() }))
    .where('id', '=', jobId)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) {
    throw notFound('Job');
  }
}

/** New score for a candidate after a JD/threshold edit; the history row keeps the old version auditable. */
export async function updateCandidateScore(
  trx: DB,
  userId: number,
  candidateId: number,
  values: Pick<
    CandidateRow,
    | 'match_score'
    | 'skill_score'
    | 'experience_score'
    | 'semantic_score'
    | 'semantic_similarity'
    | 'matched_skills'
    | 'missing_skills'
    | 'status'
    | 'score_version'
    | 'explanation'
    | 'fine_score'
  >,
): Promise<void> {
  // The job's version moves once, in the recount that ends every re-score (recomputeJobAggregates).
  await owned(trx, userId)
    .updateCandidates()
    .set({ ...values, updated_at: nowIso() })
    .where('id', '=', candidateId)
    .execute();
}

export async function insertScoreHistory(
  trx: DB,
  values: { candidateId: number; jobId: number; scoreVersion: number; matchScore: number; parts: object },
): Promise<void> {
  await trx
    .insertInto('score_history')
    .values({
      candidate_id: values.candidateId,
      job_id: values.jobId,
      score_version: values.scoreVersion,
      match_score: values.matchScore,
      parts: JSON.stringify(values.parts),
      created_at: nowIso(),
    })
    .execute();
}

/**
 * Recomputes a job's candidate aggregates from its rows and stores them (after a re-score, or to repair drift).
 * Buckets come from `scoreBucket`, the one definition of their edges; unscored candidates count as candidates
 * but fall in no bucket. "Shortlisted" counts the candidates a person put in the shortlisted stage — never the
 * score's recommendation.
 */
export async function recomputeJobAggregates(
  trx: DB,
  userId: number,
  jobId: number,
): Promise<CandidateAggregates> {
  const scope = owned(trx, userId);
  const rows = await scope.selectCandidates().select(['match_score', 'stage']).where('job_id', '=', jobId).execute();
  const agg = emptyAggregates();
  for (const r of rows) {
    agg.candidate_count += 1;
    if (r.stage === 'shortlisted') {
      agg.shortlisted_count += 1;
    }
    if (r.match_score !== null) {
      const score = toNumber(r.match_score);
      agg.score_sum += score;
      agg[BUCKET_COLUMN[scoreBucket(score)]] += 1;
    }
  }
  await scope
    .updateJobs()
    .set((eb) => ({ ...agg, candidates_version: eb('candidates_version', '+', 1), updated_at: nowIso() }))
    .where('id', '=', jobId)
    .execute();
  return agg;
}

/** A job's candidates and everything that hangs off them (children of candidates first). */
export async function deleteCandidateRows(db: DB, userId: number, jobId: number): Promise<void> {
  const scope = owned(db, userId);
  for (const table of ['score_history', 'candidate_history', 'candidate_skills', 'candidate_signature_bands'] as const) {
    await db.deleteFrom(table).where('job_id', '=', jobId).where('job_id', 'in', scope.jobIds()).execute();
  }
  await scope.deleteCandidates().where('job_id', '=', jobId).execute();
}

/** Removes a job's candidate data (privacy retention) but keeps the job and its usage figures. */
export async function purgeCandidateData(trx: DB, userId: number, jobId: number): Promise<void> {
  await deleteCandidateRows(trx, userId, jobId);
  await owned(trx, userId)
    .updateFiles()
    .set({ candidate_id: null, updated_at: nowIso() })
    .where('job_id', '=', jobId)
    .execute();
  await recomputeJobAggregates(trx, userId, jobId);
}
