import { MAX_COMPARE, MIN_COMPARE, type Candidate } from '@shortlist/contracts';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { useCompare } from '../api/queries';
import { RecommendationBadge, StageBadge } from '../components/candidates/badges';
import { SCORE_PARTS } from '../components/candidates/ScoreBreakdown';
import { ErrorState, PageLoading } from '../components/ui';
import { formatPercent, formatYears } from '../lib/format';

const nameOf = (c: Candidate) => (c.is_identity_hidden ? `Candidate #${c.id}` : (c.name ?? c.file_name ?? `Candidate #${c.id}`));

/**
 * 2–4 candidates side by side: the job's requirements down the side, one column per candidate, then the
 * parts of the score. Built on what scoring serves today (required skills, years, three parts); requirement
 * rows with must/nice and evidence slot in here when the scoring redesign lands.
 */
export function ComparePage() {
  const { id } = useParams();
  const jobId = Number(id);
  const [params] = useSearchParams();
  const ids = (params.get('ids') ?? '')
    .split(',')
    .map(Number)
    .filter((n) => Number.isInteger(n) && n > 0);
  const isValid = ids.length >= MIN_COMPARE && ids.length <= MAX_COMPARE;
  const compare = useCompare(jobId, isValid ? ids : []);

  const back = (
    <Link to={`/jobs/${jobId}`} className="text-sm font-medium text-slate-700 hover:text-slate-900">
      ← Back to the candidates
    </Link>
  );
  if (!isValid) {
    return (
      <div className="space-y-4">
        {back}
        <ErrorState message={`Choose ${MIN_COMPARE} to ${MAX_COMPARE} candidates to compare.`} />
      </div>
    );
  }
  if (compare.isPending) {
    return <PageLoading label="Loading the comparison…" />;
  }
  if (compare.isError) {
    return (
      <div className="space-y-4">
        {back}
        <ErrorState message={compare.error.message} onRetry={() => void compare.refetch()} />
      </div>
    );
  }
  const { candidates, requirements, shortlist_threshold: threshold } = compare.data;
  const has = (c: Candidate, skill: string) => c.matched_skills.includes(skill) || c.skills.includes(skill);

  return (
    <div className="space-y-4">
      {back}
      <h1 className="text-2xl font-semibold tracking-tight text-slate-900">Compare {candidates.length} candidates</h1>
      {/* Scrolls sideways on a phone, so it takes keyboard focus too. */}
      <div
        className="overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-sm focus:ring-2 focus:ring-indigo-600 focus:outline-none"
        tabIndex={0}
        role="region"
        aria-label="Comparison table"
      >
        <table className="w-full min-w-[36rem] text-left text-sm" aria-label="Candidates compared">
          <thead className="border-b border-slate-200 bg-slate-50">
            <tr>
              <th scope="col" className="w-48 px-4 py-3 text-xs font-semibold tracking-wide text-slate-700 uppercase">
                Requirement
              </th>
              {candidates.map((c) => (
                <th key={c.id} scope="col" className="px-4 py-3 align-top">
                  <div className="font-semibold text-slate-900">{nameOf(c)}</div>
                  <div className="text-xs font-normal text-slate-600">{c.current_title ?? '—'}</div>
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            <tr className="bg-indigo-50/60">
              <th scope="row" className="px-4 py-2 font-semibold text-slate-900">
                Match % <span className="font-normal text-slate-600">(recommended at ≥ {threshold} %)</span>
              </th>
              {candidates.map((c) => (
                <td key={c.id} className="px-4 py-2">
                  <span className="text-lg font-semibold text-slate-900 tabular-nums">{formatPercent(c.match_score)}</span>{' '}
                  <RecommendationBadge status={c.status} />
                </td>
              ))}
            </tr>
            {requirements.required_skills.map((skill) => (
              <tr key={skill}>
                <th scope="row" className="px-4 py-2 font-medium text-slate-800">
                  {skill}
                </th>
                {candidates.map((c) => (
                  <td key={c.id} className="px-4 py-2">
                    {has(c, skill) ? (
                      <span className="font-semibold text-emerald-800">✓ Has it</span>
                    ) : (
                      <span className="text-rose-800">✗ Missing</span>
                    )}
                  </td>
                ))}
              </tr>
            ))}
            <tr>
              <th scope="row" className="px-4 py-2 font-medium text-slate-800">
                Experience{requirements.required_years === null ? '' : ` (asks ${formatYears(requirements.required_years)})`}
              </th>
              {candidates.map((c) => (
                <td key={c.id} className="px-4 py-2 tabular-nums">
                  {formatYears(c.experience_years)}
                </td>
              ))}
            </tr>
            {SCORE_PARTS.map((part) => (
              <tr key={part.key}>
                <th scope="row" className="px-4 py-2 font-medium text-slate-800">
                  {part.label}
                </th>
                {candidates.map((c) => (
                  <td key={c.id} className="px-4 py-2 tabular-nums">
                    {formatPercent(c[part.key])}
                  </td>
                ))}
              </tr>
            ))}
            <tr>
              <th scope="row" className="px-4 py-2 font-medium text-slate-800">
                Stage
              </th>
              {candidates.map((c) => (
                <td key={c.id} className="px-4 py-2">
                  <StageBadge stage={c.stage} />
                </td>
              ))}
            </tr>
          </tbody>
        </table>
      </div>
    </div>
  );
}
