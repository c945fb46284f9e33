import {
  MAX_COMPARE,
  MIN_COMPARE,
  type Candidate,
  type CompareResponse,
  type Requirement,
  type RequirementKind,
  type RequirementOutcome,
  type ScoreExplanation,
} from '@shortlist/contracts';
import type { ReactNode } from 'react';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { useCompare } from '../api/queries';
import { RecommendationBadge, StageBadge } from '../components/candidates/badges';
import { SCORE_PARTS } from '../components/candidates/ScoreBreakdown';
import { ErrorState, PageLoading } from '../components/ui';
import { displayName as nameOf } from '../lib/candidate-name';
import { formatPercent, formatYears } from '../lib/format';
import { pointsThatAddUp, whyRanksAbove, whyRowRanksAbove } from '../lib/ranking';
import { KIND_LABELS } from '../lib/requirements';

/**
 * 2–4 candidates side by side: the job's requirements down the side (must-haves, then nice-to-haves), one column
 * per candidate with met / not met and the resume line that shows it, then the parts of the score with their
 * points, and in words why each ranks above the next. Candidates scored before explanations existed fall back
 * to the required skills and the three stored part scores.
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
  if (compare.data.explanations.some((e) => e !== null)) {
    return (
      <div className="space-y-4">
        {back}
        <ExplainedComparison data={compare.data} />
      </div>
    );
  }
  const { candidates, requirements, shortlist_threshold: threshold } = compare.data;
  const has = (c: Candidate, skill: string) => c.matched_skills.includes(skill) || c.skills.includes(skill);

  return (
    <div className="space-y-4">
      {back}
      <h1 className="text-2xl font-semibold tracking-tight text-slate-900">
        Compare {candidates.length} candidates
      </h1>
      <ComparisonTable candidates={candidates} tableClass="min-w-[36rem]" labelClass="w-48">
        <tr className="bg-indigo-50/60">
          <th scope="row" className="px-4 py-2 font-semibold text-slate-900">
            Match % <span className="font-normal text-slate-600">(recommended at ≥ {threshold} %)</span>
          </th>
          {candidates.map((c) => (
            <td key={c.id} className="px-4 py-2">
              <span className="text-lg font-semibold text-slate-900 tabular-nums">
                {formatPercent(c.match_score)}
              </span>{' '}
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
            Experience
            {requirements.required_years === null
              ? ''
              : ` (asks ${formatYears(requirements.required_years)})`}
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
      </ComparisonTable>
    </div>
  );
}

const cell = 'px-4 py-2 align-top';
const sectionRow = 'bg-slate-50 px-4 py-1.5 text-xs font-semibold tracking-wide text-slate-700 uppercase';

function ExplainedComparison({ data }: { data: CompareResponse }) {
  const { candidates, explanations, shortlist_threshold: threshold } = data;
  const requirements = requirementRows(data);
  const first = explanations.find((e): e is ScoreExplanation => e !== null);
  const parts = first?.parts ?? [];
  const points = explanations.map((e) => (e ? pointsThatAddUp(e.parts, e.match_score) : null));
  return (
    <>
      <h1 className="text-2xl font-semibold tracking-tight text-slate-900">
        Compare {candidates.length} candidates
      </h1>
      <RankingSummary candidates={candidates} explanations={explanations} />
      <ComparisonTable candidates={candidates} tableClass="min-w-[40rem]" labelClass="w-52" showsDuplicates>
        <tr className="bg-indigo-50/60">
          <th scope="row" className="px-4 py-2 font-semibold text-slate-900">
            Match % <span className="font-normal text-slate-600">(recommended at ≥ {threshold} %)</span>
          </th>
          {candidates.map((c, i) => (
            <td key={c.id} className="px-4 py-2">
              <span className="text-lg font-semibold text-slate-900 tabular-nums">
                {formatPercent(explanations[i]?.match_score ?? c.match_score, 1)}
              </span>{' '}
              <RecommendationBadge status={c.status} />
            </td>
          ))}
        </tr>
        {(['must', 'nice'] as RequirementKind[]).map((kind) => {
          const rows = requirements.filter((r) => r.kind === kind);
          if (rows.length === 0) {
            return null;
          }
          return [
            <tr key={`${kind}-heading`}>
              <th scope="colgroup" colSpan={candidates.length + 1} className={sectionRow}>
                {KIND_LABELS[kind].many} ({rows.length})
              </th>
            </tr>,
            ...rows.map((r) => (
              <tr key={r.id} data-testid="compare-requirement">
                <th scope="row" className={`${cell} font-medium text-slate-800`}>
                  {r.label}
                  {r.min_years !== null ? (
                    <span className="block text-xs font-normal text-slate-600">asks {r.min_years}+ yrs</span>
                  ) : null}
                </th>
                {candidates.map((c, i) => (
                  <td key={c.id} className={cell}>
                    <OutcomeCell explanation={explanations[i] ?? null} requirement={r} />
                  </td>
                ))}
              </tr>
            )),
          ];
        })}
        <tr>
          <th scope="row" className={`${cell} font-medium text-slate-800`}>
            Occupation
          </th>
          {candidates.map((c, i) => {
            const fit = explanations[i]?.occupation;
            return (
              <td key={c.id} className={`${cell} text-xs text-slate-800`}>
                {fit ? (
                  <>
                    <span className="font-semibold capitalize">{fit.level}</span>
                    {fit.candidate ? (
                      <span className="block text-slate-600">reads as {fit.candidate.title}</span>
                    ) : null}
                  </>
                ) : (
                  <NotExplained />
                )}
              </td>
            );
          })}
        </tr>
        <tr>
          <th scope="colgroup" colSpan={candidates.length + 1} className={sectionRow}>
            Score parts — value · weight → points
          </th>
        </tr>
        {parts.map((part, index) => (
          <tr key={part.key} data-testid="compare-part">
            <th scope="row" className={`${cell} font-medium text-slate-800`}>
              {part.label}
            </th>
            {candidates.map((c, i) => {
              const own = explanations[i]?.parts.find((p) => p.key === part.key);
              return (
                <td key={c.id} className={`${cell} text-xs`}>
                  {!explanations[i] ? (
                    <NotExplained />
                  ) : own && own.applies ? (
                    <>
                      <span className="tabular-nums">
                        {formatPercent(own.value, 1)} · {own.weight.toFixed(2)} →{' '}
                        <strong className="font-semibold text-slate-900">
                          {(points[i]?.[index] ?? 0).toFixed(1)} pts
                        </strong>
                      </span>
                      <span className="block text-slate-600">{own.detail}</span>
                    </>
                  ) : (
                    <span className="text-slate-600">does not apply</span>
                  )}
                </td>
              );
            })}
          </tr>
        ))}
        <tr className="border-t-2 border-slate-300">
          <th scope="row" className={`${cell} font-semibold text-slate-900`}>
            Match % (sum of the points)
          </th>
          {candidates.map((c, i) => (
            <td key={c.id} className={`${cell} font-bold text-slate-900 tabular-nums`}>
              {explanations[i] ? explanations[i].match_score.toFixed(1) : formatPercent(c.match_score)}
            </td>
          ))}
        </tr>
        <tr>
          <th scope="row" className={`${cell} font-medium text-slate-800`}>
            Stage
          </th>
          {candidates.map((c) => (
            <td key={c.id} className={cell}>
              <StageBadge stage={c.stage} />
            </td>
          ))}
        </tr>
      </ComparisonTable>
    </>
  );
}

/**
 * The table both comparisons share: a requirement column, then one column per candidate headed by their name
 * and title; `children` are the body rows. It scrolls sideways on a phone, so it takes keyboard focus too.
 * Positioned, so that screen-reader-only text (absolutely positioned) is clipped with the table instead of
 * widening the page.
 */
function ComparisonTable({
  candidates,
  tableClass,
  labelClass,
  showsDuplicates = false,
  children,
}: {
  candidates: Candidate[];
  tableClass: string;
  labelClass: string;
  showsDuplicates?: boolean;
  children: ReactNode;
}) {
  return (
    <div
      className="relative overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-sm focus:ring-2 focus:ring-indigo-600 focus:outline-none"
      tabIndex={0}
      role="region"
      aria-label="Comparison table"
    >
      <table className={`w-full ${tableClass} text-left text-sm`} aria-label="Candidates compared">
        <thead className="border-b border-slate-200 bg-slate-50">
          <tr>
            <th
              scope="col"
              className={`${labelClass} px-4 py-3 text-xs font-semibold tracking-wide text-slate-700 uppercase`}
            >
              Requirement
            </th>
            {candidates.map((c) => (
              <th key={c.id} scope="col" className="px-4 py-3 align-top">
                <div className="font-semibold text-slate-900">{nameOf(c)}</div>
                <div className="text-xs font-normal text-slate-600">{c.current_title ?? '—'}</div>
                {showsDuplicates && c.duplicate_of !== null ? (
                  <div className="mt-1 text-xs font-normal text-amber-900">
                    Possible duplicate of Candidate #{c.duplicate_of}
                    {c.duplicate_reason ? ` · ${c.duplicate_reason}` : ''}
                  </div>
                ) : null}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">{children}</tbody>
      </table>
    </div>
  );
}

/** The job's requirements as compare lists them: the job's own, else every requirement the explanations name. */
function requirementRows(
  data: CompareResponse,
): Array<Pick<Requirement, 'id' | 'label' | 'kind' | 'min_years'>> {
  if (data.requirements.job) {
    return data.requirements.job.requirements;
  }
  const seen = new Map<string, Pick<Requirement, 'id' | 'label' | 'kind' | 'min_years'>>();
  for (const outcome of data.explanations.flatMap((e) => e?.requirements ?? [])) {
    if (!seen.has(outcome.id)) {
      seen.set(outcome.id, {
        id: outcome.id,
        label: outcome.label,
        kind: outcome.kind,
        min_years: outcome.min_years,
      });
    }
  }
  return [...seen.values()];
}

function outcomeFor(
  explanation: ScoreExplanation,
  requirement: Pick<Requirement, 'id' | 'label'>,
): RequirementOutcome | undefined {
  return (
    explanation.requirements.find((o) => o.id === requirement.id && o.label === requirement.label) ??
    explanation.requirements.find((o) => o.label === requirement.label)
  );
}

function OutcomeCell({
  explanation,
  requirement,
}: {
  explanation: ScoreExplanation | null;
  requirement: Pick<Requirement, 'id' | 'label'>;
}) {
  if (!explanation) {
    return <NotExplained />;
  }
  const o = outcomeFor(explanation, requirement);
  if (!o) {
    return <span className="text-xs text-slate-600">Scored before this requirement existed</span>;
  }
  const isPartial = o.is_met && o.credit < 1;
  return (
    <div data-testid="compare-outcome" data-met={o.is_met ? 'true' : 'false'}>
      <span
        className={`font-semibold ${!o.is_met ? 'text-rose-800' : isPartial ? 'text-amber-900' : 'text-emerald-800'}`}
      >
        <span aria-hidden="true">{!o.is_met ? '✗ ' : isPartial ? '◐ ' : '✓ '}</span>
        {!o.is_met ? 'Not met' : isPartial ? `Partly met (${Math.round(o.credit * 100)} %)` : 'Met'}
      </span>
      {o.candidate_years !== null ? (
        <span className="ml-1 text-xs text-slate-700">{formatYears(o.candidate_years)}</span>
      ) : null}
      {o.evidence ? (
        <blockquote
          className="mt-0.5 line-clamp-3 text-xs break-words text-slate-700 italic"
          title={o.evidence}
        >
          <span className="sr-only">The resume says: </span>“{o.evidence}”
        </blockquote>
      ) : null}
    </div>
  );
}

function NotExplained() {
  return <span className="text-xs text-slate-600">Scored before explanations existed</span>;
}

/** Best first by the table's own order (finer score), each with why it ranks above the next. */
function RankingSummary({
  candidates,
  explanations,
}: {
  candidates: Candidate[];
  explanations: Array<ScoreExplanation | null>;
}) {
  const ranked = candidates
    .map((candidate, i) => ({ candidate, explanation: explanations[i] ?? null }))
    .sort(
      (a, b) =>
        (b.candidate.match_score ?? -1) - (a.candidate.match_score ?? -1) ||
        (b.explanation?.fine_score ?? b.candidate.fine_score ?? -1) -
          (a.explanation?.fine_score ?? a.candidate.fine_score ?? -1) ||
        b.candidate.id - a.candidate.id,
    );
  return (
    <section
      aria-labelledby="compare-ranking"
      className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm"
    >
      <h2 id="compare-ranking" className="text-sm font-semibold text-slate-900">
        Why this order
      </h2>
      <ol className="mt-2 space-y-1.5 text-sm text-slate-800" data-testid="compare-ranking">
        {ranked.slice(0, -1).map((upper, i) => {
          const lower = ranked[i + 1]!;
          const reason =
            upper.explanation && lower.explanation
              ? whyRanksAbove(upper.explanation, lower.explanation)
              : whyRowRanksAbove(upper.candidate, lower.candidate);
          return (
            <li key={upper.candidate.id}>
              <strong className="font-semibold">{nameOf(upper.candidate)}</strong> ranks above{' '}
              <strong className="font-semibold">{nameOf(lower.candidate)}</strong>: {reason}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
