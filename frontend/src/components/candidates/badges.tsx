import type { CandidateStage, CandidateStatus } from '@shortlist/contracts';
import { RECOMMENDATION_LABELS, STAGE_LABELS } from '../../lib/stages';

const STAGE_STYLE: Record<CandidateStage, string> = {
  new: 'bg-slate-100 text-slate-700',
  to_review: 'bg-sky-100 text-sky-800',
  shortlisted: 'bg-emerald-100 text-emerald-800',
  maybe: 'bg-amber-100 text-amber-900',
  rejected: 'bg-rose-100 text-rose-800',
};

/** A person's decision. */
export function StageBadge({ stage }: { stage: CandidateStage }) {
  return (
    <span className={`inline-flex rounded-full px-2 py-0.5 text-xs font-semibold whitespace-nowrap ${STAGE_STYLE[stage]}`}>
      {STAGE_LABELS[stage]}
    </span>
  );
}

/** The score's recommendation — never a decision, so it reads as a hint, not a verdict. */
export function RecommendationBadge({ status }: { status: CandidateStatus }) {
  return status === 'shortlisted' ? (
    <span className="inline-flex items-center gap-1 text-xs font-medium whitespace-nowrap text-emerald-800">
      <span aria-hidden="true">✓</span> {RECOMMENDATION_LABELS.shortlisted}
    </span>
  ) : (
    <span className="text-xs whitespace-nowrap text-slate-600">{RECOMMENDATION_LABELS.below_threshold}</span>
  );
}
