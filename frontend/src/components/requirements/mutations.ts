import type { Job, JobRequirements } from '@shortlist/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { jobsApi } from '../../api/jobs';
import { queryKeys } from '../../api/queries';

type JobDetail = Awaited<ReturnType<typeof jobsApi.get>>;

/**
 * Saves edited requirement chips. The server re-scores every candidate from stored features before it answers
 * (no resume is read again, no credit is spent), so afterwards every view of the job's candidates — pages,
 * details, compare, the overview's buckets — and its figures are stale. Quiet: the editor shows a refusal on
 * the chips rather than as a toast.
 */
export function useSaveRequirements(jobId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (requirements: JobRequirements) => jobsApi.update(jobId, { requirements }, true),
    onSuccess: async ({ job }: { job: Job }) => {
      client.setQueryData<JobDetail>(queryKeys.job(jobId), (current) => (current ? { ...current, job } : current));
      await Promise.all([
        client.invalidateQueries({ queryKey: queryKeys.candidates(jobId) }),
        client.invalidateQueries({ queryKey: queryKeys.stats(jobId) }),
        client.invalidateQueries({ queryKey: queryKeys.jobs }),
      ]);
    },
  });
}
