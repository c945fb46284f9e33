import type { DB } from './database';

/**
 * The tenant scope, written once (STYLE.md: a forgotten `where user_id = …` is a data leak). Every query and
 * write on a user's rows starts from one of these builders, so the scope cannot be left out.
 */
export function owned(db: DB, userId: number) {
  return {
    selectJobs: () => db.selectFrom('jobs').where('jobs.user_id', '=', userId),
    updateJobs: () => db.updateTable('jobs').where('jobs.user_id', '=', userId),
    deleteJobs: () => db.deleteFrom('jobs').where('jobs.user_id', '=', userId),
    selectFiles: () => db.selectFrom('job_files').where('job_files.user_id', '=', userId),
    updateFiles: () => db.updateTable('job_files').where('job_files.user_id', '=', userId),
    deleteFiles: () => db.deleteFrom('job_files').where('job_files.user_id', '=', userId),
    selectCandidates: () => db.selectFrom('candidates').where('candidates.user_id', '=', userId),
    updateCandidates: () => db.updateTable('candidates').where('candidates.user_id', '=', userId),
    deleteCandidates: () => db.deleteFrom('candidates').where('candidates.user_id', '=', userId),
    /** Ids of the user's jobs, for tables that hang off a job without a user_id of their own. */
    jobIds: () => db.selectFrom('jobs').select('jobs.id').where('jobs.user_id', '=', userId),
  };
}
