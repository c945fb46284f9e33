import type { Candidate } from '@shortlist/contracts';
import { Link } from 'react-router-dom';
import { displayName } from '../../lib/candidate-name';

/**
 * "Possible duplicate of …": the same person in another file (same e-mail or phone, or nearly the same resume),
 * flagged against the job's earlier candidate. The earlier one is named as the table names them — under blind
 * review "Candidate #id", never a hidden name. With its row on this page the badge takes you to it; otherwise it
 * opens both side by side.
 */
export function DuplicateBadge({
  jobId,
  candidate,
  original,
  onShowOriginal,
}: {
  jobId: number;
  candidate: Candidate;
  /** The earlier candidate, when their row is on this page. */
  original?: Candidate;
  onShowOriginal?: (candidateId: number) => void;
}) {
  const originalId = candidate.duplicate_of;
  if (originalId === null) {
    return null;
  }
  const label = original ? displayName(original) : `Candidate #${originalId}`;
  return (
    <span
      data-testid="duplicate-badge"
      className="inline-block max-w-full rounded-md bg-amber-100 px-1.5 py-0.5 text-xs break-words text-amber-950 ring-1 ring-amber-300 ring-inset"
    >
      <span className="font-semibold">Possible duplicate of</span>{' '}
      {original && onShowOriginal ? (
        <button
          type="button"
          onClick={() => onShowOriginal(originalId)}
          aria-label={`Go to the row of ${label}`}
          className="font-semibold underline decoration-amber-700 underline-offset-2 hover:text-amber-800"
        >
          {label}
        </button>
      ) : (
        <Link
          to={`/jobs/${jobId}/compare?ids=${originalId},${candidate.id}`}
          aria-label={`Compare with ${label}`}
          className="font-semibold underline decoration-amber-700 underline-offset-2 hover:text-amber-800"
        >
          {label}
        </Link>
      )}
      {candidate.duplicate_reason ? <span> · {candidate.duplicate_reason}</span> : null}
    </span>
  );
}
