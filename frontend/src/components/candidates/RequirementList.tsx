import type { Candidate } from '@shortlist/contracts';

/**
 * The job's requirements against one candidate. Today these are the required skills (matched / missing); the
 * scoring redesign's must/nice requirements and evidence snippets belong here too.
 */
export function RequirementList({ candidate }: { candidate: Candidate }) {
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
    </div>
  );
}
