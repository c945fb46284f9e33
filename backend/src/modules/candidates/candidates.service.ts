import type { Candidate, CandidateStatus } from '@shortlist/contracts';
import { inTransaction, type DB } from '../../db/database';
import { getJob } from '../jobs/jobs.repository';
import { toApiCandidate } from './candidates.mappers';
import * as repo from './candidates.repository';

export type CandidatesService = ReturnType<typeof createCandidatesService>;

export function createCandidatesService(deps: { db: DB }) {
  const { db } = deps;

  async function listCandidates(
    userId: number,
    jobId: number,
  ): Promise<{ candidates: Candidate[]; shortlist_threshold: number }> {
    const job = await getJob(db, userId, jobId);
    const rows = await repo.listCandidates(db, userId, jobId);
    return { candidates: rows.map(toApiCandidate), shortlist_threshold: job.shortlist_threshold };
  }

  async function setCandidateStatus(
    userId: number,
    jobId: number,
    candidateId: number,
    status: CandidateStatus,
  ): Promise<Candidate> {
    return inTransaction(db, async (trx) => {
      const candidate = await repo.getCandidate(trx, userId, jobId, candidateId);
      await repo.setCandidateStatus(trx, userId, candidate, status);
      return toApiCandidate(await repo.getCandidate(trx, userId, jobId, candidateId));
    });
  }

  return { listCandidates, setCandidateStatus };
}
