import type { CandidateStage, CandidateStatus } from '@shortlist/contracts';

export const STAGE_LABELS: Record<CandidateStage, string> = {
  new: 'New',
  to_review: 'To review',
  shortlisted: 'Shortlisted',
  maybe: 'Maybe',
  rejected: 'Rejected',
};

/** The order a person moves candidates through: New → To review → Shortlisted / Maybe / Rejected. */
export const STAGE_ORDER: CandidateStage[] = ['new', 'to_review', 'shortlisted', 'maybe', 'rejected'];

export const RECOMMENDATION_LABELS: Record<CandidateStatus, string> = {
  shortlisted: 'Recommended',
  below_threshold: 'Below threshold',
};
