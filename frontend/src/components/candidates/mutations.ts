import type { CandidateStage } from '@shortlist/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { toast } from 'sonner';
import { candidatesApi } from '../../api/candidates';
import { queryKeys } from '../../api/queries';
import { STAGE_LABELS } from '../../lib/stages';

/** After any decision or note: every view of the job's candidates and its figures may have changed. */
function useInvalidate(jobId: number) {
  const client = useQueryClient();
  return () =>
    Promise.all([
      client.invalidateQueries({ queryKey: queryKeys.candidates(jobId) }),
      client.invalidateQueries({ queryKey: queryKeys.stats(jobId) }),
      client.invalidateQueries({ queryKey: queryKeys.job(jobId) }),
    ]);
}

export function useSetStage(jobId: number) {
  const invalidate = useInvalidate(jobId);
  return useMutation({
    mutationFn: (input: { candidateId: number; stage: CandidateStage; note?: string }) =>
      candidatesApi.setStage(jobId, input.candidateId, input.stage, input.note),
    onSuccess: async (_data, input) => {
      toast.success(`Moved to ${STAGE_LABELS[input.stage]}`);
      await invalidate();
    },
  });
}

export function useBulkStage(jobId: number) {
  const invalidate = useInvalidate(jobId);
  return useMutation({
    mutationFn: (input: { candidateIds: number[]; stage: CandidateStage }) =>
      candidatesApi.bulkStage(jobId, input.candidateIds, input.stage),
    // Not awaited: the caller clears its selection at once, while the table refetches.
    onSuccess: (result, input) => {
      toast.success(
        result.updated === 0
          ? `Already in ${STAGE_LABELS[input.stage]}`
          : `${result.updated} moved to ${STAGE_LABELS[input.stage]}`,
      );
      void invalidate();
    },
  });
}

export function useAddNote(jobId: number) {
  const invalidate = useInvalidate(jobId);
  return useMutation({
    mutationFn: (input: { candidateId: number; body: string }) => candidatesApi.addNote(jobId, input.candidateId, input.body),
    onSuccess: async () => {
      toast.success('Note added');
      await invalidate();
    },
  });
}

export function useSetBlindReview(jobId: number) {
  const invalidate = useInvalidate(jobId);
  return useMutation({
    mutationFn: (isOn: boolean) => candidatesApi.setBlindReview(jobId, isOn),
    onSuccess: async (result) => {
      toast.success(result.blind_review ? 'Blind review on' : 'Blind review off — names and contacts shown');
      await invalidate();
    },
  });
}
