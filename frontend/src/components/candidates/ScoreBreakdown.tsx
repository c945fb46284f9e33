import type { Candidate } from '@shortlist/contracts';
import { formatPercent } from '../../lib/format';

/** The parts the Match % is made of, as the API serves them today (the scoring redesign will add more). */
export const SCORE_PARTS = [
  { key: 'skill_score', label: 'Skill coverage' },
  { key: 'experience_score', label: 'Experience fit' },
  { key: 'semantic_score', label: 'Semantic similarity' },
] as const satisfies ReadonlyArray<{ key: keyof Candidate; label: string }>;

function PartBar({ label, value }: { label: string; value: number | null }) {
  const percent = value === null ? 0 : Math.max(0, Math.min(100, value));
  return (
    <div>
      <div className="flex justify-between gap-2 text-xs text-slate-700">
        <span>{label}</span>
        <span className="font-semibold tabular-nums">{formatPercent(value)}</span>
      </div>
      <div className="mt-1 h-1.5 rounded-full bg-slate-200" aria-hidden="true">
        <div className="h-full rounded-full bg-indigo-600" style={{ width: `${percent}%` }} />
      </div>
    </div>
  );
}

export function ScoreBreakdown({ candidate }: { candidate: Candidate }) {
  return (
    <div className="space-y-3">
      <h4 className="text-xs font-semibold tracking-wide text-slate-600 uppercase">
        Match {formatPercent(candidate.match_score)} — score parts
      </h4>
      {SCORE_PARTS.map((part) => (
        <PartBar key={part.key} label={part.label} value={candidate[part.key]} />
      ))}
    </div>
  );
}
