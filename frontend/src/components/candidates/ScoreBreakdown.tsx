import type { Candidate, ScoreExplanation } from '@shortlist/contracts';
import { formatPercent } from '../../lib/format';
import { pointsThatAddUp } from '../../lib/ranking';

/** The parts a candidate scored before explanations existed carries (the table's columns). */
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

/**
 * How the Match % came about: each part's value, weight and points, the points adding up to the Match % in the
 * table's last row, and the server's arithmetic line. Without an explanation (scored before they existed),
 * the three stored part scores as bars.
 */
export function ScoreBreakdown({ candidate, explanation }: { candidate: Candidate; explanation: ScoreExplanation | null }) {
  if (!explanation) {
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
  const points = pointsThatAddUp(explanation.parts, explanation.match_score);
  const headingId = `score-parts-${candidate.id}`;
  return (
    <div className="space-y-2">
      <h4 id={headingId} className="text-xs font-semibold tracking-wide text-slate-600 uppercase">
        Match {formatPercent(explanation.match_score, 1)} — how it adds up
      </h4>
      <table className="w-full text-left text-xs" aria-labelledby={headingId} data-testid="score-parts">
        <thead className="border-b border-slate-200 text-slate-600">
          <tr>
            <th scope="col" className="py-1 pr-2 font-semibold">
              Part
            </th>
            <th scope="col" className="px-1 py-1 text-right font-semibold">
              Value
            </th>
            <th scope="col" className="px-1 py-1 text-right font-semibold">
              Weight
            </th>
            <th scope="col" className="py-1 pl-1 text-right font-semibold">
              Points
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {explanation.parts.map((part, index) => (
            <tr key={part.key} data-testid="score-part" data-part={part.key} className={part.applies ? '' : 'text-slate-600'}>
              <th scope="row" className="py-1 pr-2 align-top font-normal">
                <span className={`block font-medium ${part.applies ? 'text-slate-900' : ''}`}>{part.label}</span>
                <span className="block break-words text-slate-600">{part.applies ? part.detail : `Not scored: ${part.detail}`}</span>
              </th>
              <td className="px-1 py-1 text-right align-top whitespace-nowrap tabular-nums">
                {part.applies ? formatPercent(part.value, 1) : '—'}
              </td>
              <td className="px-1 py-1 text-right align-top tabular-nums">{part.applies ? part.weight.toFixed(2) : '—'}</td>
              <td
                className="py-1 pl-1 text-right align-top font-semibold whitespace-nowrap text-slate-900 tabular-nums"
                data-testid="part-points"
              >
                {part.applies ? (points[index] ?? 0).toFixed(1) : '—'}
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot className="border-t-2 border-slate-300">
          <tr>
            <th scope="row" colSpan={3} className="py-1 pr-2 font-semibold text-slate-900">
              Match % (sum of the points)
            </th>
            <td className="py-1 pl-1 text-right font-bold text-slate-900 tabular-nums" data-testid="points-total">
              {explanation.match_score.toFixed(1)}
            </td>
          </tr>
        </tfoot>
      </table>
      <p className="text-xs text-slate-600">
        Points = weight × value ÷ the weights that apply. The arithmetic:{' '}
        <code className="font-mono break-words text-slate-800" data-testid="score-arithmetic">
          {explanation.arithmetic}
        </code>
      </p>
    </div>
  );
}
