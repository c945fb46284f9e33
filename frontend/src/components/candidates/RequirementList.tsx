import type { Candidate, OccupationFitLevel, RequirementKind, RequirementOutcome, ScoreExplanation } from '@shortlist/contracts';
import { formatYears } from '../../lib/format';
import { KIND_LABELS } from '../../lib/requirements';

/**
 * The job's requirements against one candidate: each met or not, with the resume's own line that shows it
 * (a stored snippet of ≤ 160 characters, never the whole text), years held against years asked. A candidate
 * scored before explanations existed shows the matched / missing required skills instead.
 */
export function RequirementList({ candidate, explanation }: { candidate: Candidate; explanation: ScoreExplanation | null }) {
  if (!explanation) {
    return <LegacyRequirementList candidate={candidate} />;
  }
  const groups: RequirementKind[] = ['must', 'nice'];
  return (
    <div className="space-y-3">
      {groups.map((kind) => {
        const items = explanation.requirements.filter((r) => r.kind === kind);
        if (items.length === 0) {
          return null;
        }
        const met = items.filter((r) => r.is_met).length;
        const headingId = `evidence-${candidate.id}-${kind}`;
        return (
          <div key={kind} className="space-y-1.5">
            <h4 id={headingId} className="text-xs font-semibold tracking-wide text-slate-600 uppercase">
              {KIND_LABELS[kind].many} — {met} of {items.length} met
            </h4>
            <ul aria-labelledby={headingId} className="space-y-1.5">
              {items.map((outcome) => (
                <Outcome key={outcome.id} outcome={outcome} />
              ))}
            </ul>
          </div>
        );
      })}
      {explanation.requirements.length === 0 ? <p className="text-xs text-slate-600">The job names no requirements.</p> : null}
    </div>
  );
}

function Outcome({ outcome: o }: { outcome: RequirementOutcome }) {
  const isPartial = o.is_met && o.credit < 1;
  const verdict = !o.is_met ? 'Not met' : isPartial ? 'Partly met' : 'Met';
  const tone = !o.is_met ? 'text-rose-800' : isPartial ? 'text-amber-900' : 'text-emerald-800';
  const years =
    o.min_years !== null
      ? `${o.candidate_years === null ? 'years not stated' : `${formatYears(o.candidate_years)} held`} · asks ${o.min_years}+`
      : o.candidate_years !== null && o.is_met
        ? `${formatYears(o.candidate_years)} held`
        : null;
  return (
    <li data-testid="requirement-outcome" data-met={o.is_met ? 'true' : 'false'} data-requirement={o.label} className="text-sm">
      <div className="flex flex-wrap items-baseline gap-x-1.5">
        <span className={`font-semibold ${tone}`}>
          <span aria-hidden="true">{!o.is_met ? '✗' : isPartial ? '◐' : '✓'} </span>
          <span className="sr-only">{verdict}: </span>
          {o.label}
        </span>
        {o.matched_skill && o.matched_skill !== o.label ? <span className="text-xs text-slate-600">as {o.matched_skill}</span> : null}
        {years ? <span className="text-xs text-slate-700 tabular-nums">{years}</span> : null}
        {isPartial ? <span className="text-xs text-amber-900">({Math.round(o.credit * 100)} % credit)</span> : null}
      </div>
      {o.evidence ? (
        <blockquote
          data-testid="requirement-evidence"
          className="mt-0.5 border-l-2 border-slate-300 pl-2 text-xs break-words text-slate-700 italic"
        >
          <span className="sr-only">The resume says: </span>“{o.evidence}”
        </blockquote>
      ) : (
        <p className="mt-0.5 pl-2.5 text-xs text-slate-600">{o.is_met ? 'Found in the resume.' : 'Not found in the resume.'}</p>
      )}
    </li>
  );
}

const LEVEL_WORDS: Record<OccupationFitLevel, string> = {
  same: 'Same occupation',
  related: 'Related occupation',
  unrelated: 'Unrelated occupation',
  unknown: 'Occupation not known',
};

/** The occupation fit in words: what the job is, what the resume reads as, and how they relate. */
export function OccupationFit({ explanation }: { explanation: ScoreExplanation }) {
  const fit = explanation.occupation;
  return (
    <div className="space-y-1" data-testid="occupation-fit">
      <h4 className="text-xs font-semibold tracking-wide text-slate-600 uppercase">Occupation fit</h4>
      <p className="text-sm text-slate-800">
        <strong className="font-semibold">{LEVEL_WORDS[fit.level]}</strong>
        {fit.job ? <> — the job is read as {fit.job.title}</> : ' — the job’s occupation was not recognised'}
        {fit.candidate ? <>; this resume as {fit.candidate.title}</> : '; this resume’s occupation was not recognised'}.
      </p>
      {/* For a related or unrelated pair the server's line says how they relate; for the same one it repeats the above. */}
      {fit.detail && fit.level !== 'same' ? <p className="text-xs text-slate-600">{fit.detail}</p> : null}
    </div>
  );
}

function LegacyRequirementList({ candidate }: { candidate: Candidate }) {
  return (
    <div className="space-y-2">
      <h4 className="text-xs font-semibold tracking-wide text-slate-600 uppercase">Requirements</h4>
      <ul className="flex flex-wrap gap-1" aria-label="Required skills">
        {candidate.matched_skills.map((skill) => (
          <li key={`m-${skill}`} className="rounded-md bg-emerald-100 px-1.5 py-0.5 text-xs text-emerald-900">
            <span aria-hidden="true">✓ </span>
            <span className="sr-only">Has </span>
            {skill}
          </li>
        ))}
        {candidate.missing_skills.map((skill) => (
          <li key={`x-${skill}`} className="rounded-md bg-rose-100 px-1.5 py-0.5 text-xs text-rose-900">
            <span aria-hidden="true">✗ </span>
            <span className="sr-only">Missing </span>
            {skill}
          </li>
        ))}
        {candidate.matched_skills.length + candidate.missing_skills.length === 0 ? (
          <li className="text-xs text-slate-600">The job names no required skills.</li>
        ) : null}
      </ul>
      <p className="text-xs text-slate-600">Scored before evidence was kept, so no resume lines are shown.</p>
    </div>
  );
}
