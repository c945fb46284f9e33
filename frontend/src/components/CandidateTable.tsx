import type { Candidate, CandidateStatus } from '@shortlist/contracts';
import {
  createColumnHelper,
  createSortedRowModel,
  rowSortingFeature,
  sortFn_alphanumeric,
  sortFn_basic,
  tableFeatures,
  useTable,
} from '@tanstack/react-table';
import { Fragment, useState } from 'react';
import { formatPercent, formatYears } from '../lib/format';
import { StatusBadge } from './ui';
import { CheckIcon, XIcon } from './icons';

const features = tableFeatures({
  rowSortingFeature,
  sortedRowModel: createSortedRowModel(),
  sortFns: { alphanumeric: sortFn_alphanumeric, basic: sortFn_basic },
});
const helper = createColumnHelper<typeof features, Candidate>();

const MAX_SKILL_CHIPS = 3;

/** Contact and skills columns give way on phones; the expanded row still shows them. */
const responsiveColumn: Record<string, string> = {
  email: 'hidden md:table-cell',
  phone: 'hidden md:table-cell',
  skills: 'hidden md:table-cell',
  experience: 'hidden sm:table-cell',
};

/** Unscored candidates sort below every scored one. */
function scoreOf(candidate: Candidate): number {
  return candidate.match_score ?? -1;
}

/** A candidate is highlighted by score (≥ threshold), whatever a manual override says about their status. */
export function isAboveThreshold(candidate: Candidate, threshold: number): boolean {
  return candidate.match_score !== null && candidate.match_score >= threshold;
}

const columns = helper.columns([
  helper.accessor((row) => row.name ?? row.file_name, {
    id: 'name',
    header: 'Name',
    sortFn: 'alphanumeric',
  }),
  helper.accessor((row) => row.email ?? '', { id: 'email', header: 'Email', enableSorting: false }),
  helper.accessor((row) => row.phone ?? '', { id: 'phone', header: 'Phone', enableSorting: false }),
  helper.accessor((row) => row.experience_years ?? -1, { id: 'experience', header: 'Exp', sortFn: 'basic' }),
  helper.display({ id: 'skills', header: 'Skills' }),
  helper.accessor(scoreOf, { id: 'match', header: 'Match%', sortFn: 'basic', sortDescFirst: true }),
  helper.accessor((row) => row.status, { id: 'status', header: 'Status', enableSorting: false }),
]);

const initialState = { sorting: [{ id: 'match', desc: true }] };

interface Props {
  candidates: Candidate[];
  threshold: number;
  onStatusChange?: (candidate: Candidate, status: CandidateStatus) => Promise<void>;
}

export function CandidateTable({ candidates, threshold, onStatusChange }: Props) {
  const table = useTable({
    features,
    columns,
    data: candidates,
    initialState,
    enableSortingRemoval: false,
    getRowId: (row) => String(row.id),
  });
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());

  const toggle = (id: string) =>
    setExpanded((current) => {
      const next = new Set(current);
      if (next.has(id)) {
        next.delete(id);
      } else {
        next.add(id);
      }
      return next;
    });

  return (
    <div className="overflow-x-auto">
      <table className="min-w-full text-left text-sm" aria-label="Candidates">
        <thead className="border-b border-slate-200 bg-slate-50/80 text-xs font-semibold tracking-wide text-slate-500 uppercase">
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              <th scope="col" className="w-9 py-2.5 pr-0 pl-2">
                <span className="sr-only">Details</span>
              </th>
              {group.headers.map((header) => {
                const sorted = header.column.getIsSorted();
                const canSort = header.column.getCanSort();
                const isNumeric = header.id === 'match' || header.id === 'experience';
                return (
                  <th
                    key={header.id}
                    scope="col"
                    aria-sort={sorted === 'desc' ? 'descending' : sorted === 'asc' ? 'ascending' : undefined}
                    className={`px-2.5 py-2.5 whitespace-nowrap ${isNumeric ? 'text-right' : ''} ${responsiveColumn[header.id] ?? ''}`}
                  >
                    {canSort ? (
                      <button
                        type="button"
                        onClick={header.column.getToggleSortingHandler()}
                        className="inline-flex items-center gap-1 rounded uppercase hover:text-slate-800"
                      >
                        <table.FlexRender header={header} />
                        <span aria-hidden="true" className={sorted ? 'text-indigo-600' : 'text-slate-300'}>
                          {sorted === 'asc' ? '▲' : '▼'}
                        </span>
                      </button>
                    ) : (
                      <table.FlexRender header={header} />
                    )}
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody className="divide-y divide-slate-100">
          {table.getRowModel().rows.map((row) => {
            const candidate = row.original;
            const isHighlighted = isAboveThreshold(candidate, threshold);
            const isExpanded = expanded.has(row.id);
            const detailId = `candidate-detail-${row.id}`;
            return (
              <Fragment key={row.id}>
                <tr
                  data-testid="candidate-row"
                  data-above-threshold={isHighlighted ? 'true' : 'false'}
                  className={isHighlighted ? 'bg-emerald-50 hover:bg-emerald-100/70' : 'hover:bg-slate-50'}
                >
                  <td
                    className={`py-2.5 pr-0 pl-2 ${isHighlighted ? 'border-l-4 border-emerald-500' : 'border-l-4 border-transparent'}`}
                  >
                    <button
                      type="button"
                      aria-expanded={isExpanded}
                      aria-controls={detailId}
                      aria-label={`${isExpanded ? 'Hide' : 'Show'} details for ${candidate.name ?? candidate.file_name}`}
                      onClick={() => toggle(row.id)}
                      className="flex size-7 items-center justify-center rounded-md text-slate-500 hover:bg-white hover:text-slate-900"
                    >
                      <svg
                        viewBox="0 0 20 20"
                        className={`size-4 transition-transform ${isExpanded ? 'rotate-90' : ''}`}
                        fill="currentColor"
                        aria-hidden="true"
                      >
                        <path d="M7.3 14.7a1 1 0 010-1.4L10.6 10 7.3 6.7a1 1 0 011.4-1.4l4 4a1 1 0 010 1.4l-4 4a1 1 0 01-1.4 0z" />
                      </svg>
                    </button>
                  </td>
                  <td className="max-w-[8rem] px-2.5 py-2.5 sm:max-w-[12rem] md:max-w-[10.5rem]">
                    <div className="truncate font-medium text-slate-900" title={candidate.name ?? undefined}>
                      {candidate.name ?? <span className="text-slate-400 italic">Unknown name</span>}
                    </div>
                    <div className="truncate text-xs text-slate-400" title={candidate.file_name}>
                      {candidate.current_title ?? candidate.file_name}
                    </div>
                  </td>
                  <td
                    className="hidden max-w-[10.5rem] truncate px-2.5 py-2.5 text-slate-600 md:table-cell"
                    title={candidate.email ?? undefined}
                  >
                    {candidate.email ? (
                      <a className="hover:text-indigo-600 hover:underline" href={`mailto:${candidate.email}`}>
                        {candidate.email}
                      </a>
                    ) : (
                      '—'
                    )}
                  </td>
                  <td className="hidden px-2.5 py-2.5 text-xs whitespace-nowrap text-slate-600 tabular-nums md:table-cell">
                    {candidate.phone ?? '—'}
                  </td>
                  <td className="hidden px-2.5 py-2.5 text-right whitespace-nowrap text-slate-600 tabular-nums sm:table-cell">
                    {formatYears(candidate.experience_years)}
                  </td>
                  <td className="hidden w-[10rem] min-w-[9rem] px-2.5 py-2.5 md:table-cell">
                    <SkillChips skills={candidate.skills} />
                  </td>
                  <td className="px-2.5 py-2.5 text-right whitespace-nowrap">
                    <span
                      data-testid="match-score"
                      className={`font-semibold tabular-nums ${isHighlighted ? 'text-emerald-700' : 'text-slate-700'}`}
                    >
                      {formatPercent(candidate.match_score)}
                    </span>
                  </td>
                  <td className="px-2.5 py-2.5 whitespace-nowrap">
                    <StatusBadge status={candidate.status} />
                    {candidate.status_overridden ? (
                      <span className="ml-1 text-xs text-slate-400">(manual)</span>
                    ) : null}
                  </td>
                </tr>
                {isExpanded ? (
                  <tr id={detailId} className="bg-slate-50/60">
                    <td colSpan={8} className="px-4 py-4 sm:px-12">
                      <CandidateDetail candidate={candidate} onStatusChange={onStatusChange} />
                    </td>
                  </tr>
                ) : null}
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function SkillChips({ skills }: { skills: string[] }) {
  if (skills.length === 0) {
    return <span className="text-slate-400">—</span>;
  }
  const shown = skills.slice(0, MAX_SKILL_CHIPS);
  const rest = skills.length - shown.length;
  return (
    <div className="flex flex-wrap gap-1" title={skills.join(', ')}>
      {shown.map((skill) => (
        <span
          key={skill}
          className="rounded-md bg-slate-100 px-1.5 py-0.5 text-xs whitespace-nowrap text-slate-700"
        >
          {skill}
        </span>
      ))}
      {rest > 0 ? <span className="px-1 py-0.5 text-xs text-slate-400">+{rest}</span> : null}
    </div>
  );
}

function ScorePart({ label, value }: { label: string; value: number | null }) {
  const percent = value === null ? 0 : Math.max(0, Math.min(100, value));
  return (
    <div>
      <div className="flex justify-between text-xs text-slate-600">
        <span>{label}</span>
        <span className="font-semibold tabular-nums">{formatPercent(value)}</span>
      </div>
      <div className="mt-1 h-1.5 rounded-full bg-slate-200">
        <div className="h-full rounded-full bg-indigo-500" style={{ width: `${percent}%` }} />
      </div>
    </div>
  );
}

function CandidateDetail({
  candidate,
  onStatusChange,
}: {
  candidate: Candidate;
  onStatusChange?: Props['onStatusChange'];
}) {
  const [isSaving, setIsSaving] = useState(false);
  const change = async (status: CandidateStatus) => {
    if (!onStatusChange || status === candidate.status) {
      return;
    }
    setIsSaving(true);
    try {
      await onStatusChange(candidate, status);
    } finally {
      setIsSaving(false);
    }
  };

  return (
    <div className="grid gap-6 md:grid-cols-3">
      <div className="space-y-3">
        <dl className="space-y-1 text-sm md:hidden">
          <div className="flex gap-2">
            <dt className="w-14 shrink-0 text-slate-500">Email</dt>
            <dd className="min-w-0 break-all text-slate-800">{candidate.email ?? '—'}</dd>
          </div>
          <div className="flex gap-2">
            <dt className="w-14 shrink-0 text-slate-500">Phone</dt>
            <dd className="text-slate-800 tabular-nums">{candidate.phone ?? '—'}</dd>
          </div>
          <div className="flex gap-2">
            <dt className="w-14 shrink-0 text-slate-500">Exp</dt>
            <dd className="text-slate-800 tabular-nums">{formatYears(candidate.experience_years)}</dd>
          </div>
        </dl>
        <h4 className="text-xs font-semibold tracking-wide text-slate-500 uppercase">Skills vs. job</h4>
        <div>
          <p className="mb-1 text-xs text-slate-500">Matched ({candidate.matched_skills.length})</p>
          <div className="flex flex-wrap gap-1">
            {candidate.matched_skills.length === 0 ? (
              <span className="text-xs text-slate-400">None</span>
            ) : null}
            {candidate.matched_skills.map((skill) => (
              <span key={skill} className="rounded-md bg-emerald-100 px-1.5 py-0.5 text-xs text-emerald-800">
                ✓ {skill}
              </span>
            ))}
          </div>
        </div>
        <div>
          <p className="mb-1 text-xs text-slate-500">Missing ({candidate.missing_skills.length})</p>
          <div className="flex flex-wrap gap-1">
            {candidate.missing_skills.length === 0 ? (
              <span className="text-xs text-slate-400">None</span>
            ) : null}
            {candidate.missing_skills.map((skill) => (
              <span key={skill} className="rounded-md bg-rose-100 px-1.5 py-0.5 text-xs text-rose-800">
                ✗ {skill}
              </span>
            ))}
          </div>
        </div>
      </div>
      <div className="space-y-3">
        <h4 className="text-xs font-semibold tracking-wide text-slate-500 uppercase">Score parts</h4>
        <ScorePart label="Skill coverage" value={candidate.skill_score} />
        <ScorePart label="Experience fit" value={candidate.experience_score} />
        <ScorePart label="Semantic similarity" value={candidate.semantic_score} />
        <p className="text-xs text-slate-500">
          Fields extracted by{' '}
          <strong className="font-semibold text-slate-700">
            {candidate.extractor === 'groq' ? 'Groq LLM' : 'local extractor'}
          </strong>{' '}
          from <span className="break-all">{candidate.file_name}</span>
          {candidate.location ? ` · ${candidate.location}` : ''}
        </p>
        {candidate.links.length > 0 ? (
          <ul className="space-y-0.5 text-xs">
            {candidate.links.map((link) => (
              <li key={link} className="truncate">
                <a
                  className="text-indigo-600 hover:underline"
                  href={link.startsWith('http') ? link : `https://${link}`}
                  target="_blank"
                  rel="noreferrer noopener"
                >
                  {link}
                </a>
              </li>
            ))}
          </ul>
        ) : null}
      </div>
      <div className="space-y-3">
        <h4 className="text-xs font-semibold tracking-wide text-slate-500 uppercase">Decision</h4>
        <div role="group" aria-label="Override status" className="inline-flex rounded-lg shadow-sm">
          {(['shortlisted', 'rejected'] as const).map((status, index) => (
            <button
              key={status}
              type="button"
              aria-pressed={candidate.status === status}
              disabled={isSaving || !onStatusChange}
              onClick={() => void change(status)}
              className={`px-3 py-1.5 text-sm font-medium ring-1 ring-slate-300 ring-inset ${index === 0 ? 'rounded-l-lg' : '-ml-px rounded-r-lg'} ${
                candidate.status === status
                  ? status === 'shortlisted'
                    ? 'z-10 bg-emerald-600 text-white ring-emerald-600'
                    : 'z-10 bg-slate-700 text-white ring-slate-700'
                  : 'bg-white text-slate-700 hover:bg-slate-50'
              }`}
            >
              {status === 'shortlisted' ? (
                <span className="inline-flex items-center gap-1">
                  <CheckIcon className="size-4" strokeWidth={2.25} /> Shortlist
                </span>
              ) : (
                <span className="inline-flex items-center gap-1">
                  <XIcon className="size-4" strokeWidth={2.25} /> Reject
                </span>
              )}
            </button>
          ))}
        </div>
        <p className="text-xs text-slate-500">
          {candidate.status_overridden
            ? 'Set by hand by a recruiter.'
            : 'Set automatically from the threshold.'}
        </p>
      </div>
    </div>
  );
}
