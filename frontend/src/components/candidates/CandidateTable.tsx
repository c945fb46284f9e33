import type { Candidate, CandidateSort } from '@shortlist/contracts';
import { Fragment, useRef, useSyncExternalStore } from 'react';
import { displayName } from '../../lib/candidate-name';
import { formatPercent, formatPhone, formatYears } from '../../lib/format';
import { tieNote } from '../../lib/ranking';
import { RecommendationBadge, StageBadge } from './badges';
import { CandidateDetail } from './CandidateDetail';
import { DuplicateBadge } from './DuplicateBadge';
import { TieNote } from './TieNote';

const MAX_SKILL_CHIPS = 2;

interface Column {
  key: CandidateSort;
  label: string;
  /** The narrowest viewport (px, Tailwind's breakpoints) at which the column shows; 0 = always. */
  minWidth: number;
  /** Tailwind classes that hide the column on narrow screens (the expanded row still shows it). */
  className?: string;
  isNumeric?: boolean;
}

/** The table's columns, each sortable on the server. */
export const COLUMNS: Column[] = [
  { key: 'name', label: 'Name', minWidth: 0 },
  { key: 'email', label: 'Email', className: 'hidden w-[12rem] xl:table-cell', minWidth: 1280 },
  { key: 'phone', label: 'Phone', className: 'hidden w-[9.5rem] 2xl:table-cell', minWidth: 1536 },
  { key: 'experience', label: 'Exp', className: 'hidden w-16 md:table-cell', isNumeric: true, minWidth: 768 },
  { key: 'skills', label: 'Skills', className: 'hidden w-[10.5rem] lg:table-cell', minWidth: 1024 },
  { key: 'match', label: 'Match%', className: 'w-[4.5rem] sm:w-[5.25rem]', isNumeric: true, minWidth: 0 },
  { key: 'status', label: 'Recommendation', className: 'hidden w-[9.5rem] md:table-cell', minWidth: 768 },
  { key: 'stage', label: 'Stage', className: 'w-[5.75rem] sm:w-[6.75rem]', minWidth: 0 },
];

const subscribeToResize = (onChange: () => void) => {
  window.addEventListener('resize', onChange);
  return () => window.removeEventListener('resize', onChange);
};

/**
 * Columns on screen now (the selection column included). An expanded row spans exactly these: a colspan wider
 * than the visible columns would add an empty track to a fixed-layout table and narrow every row.
 */
function useVisibleColumnCount(): number {
  return useSyncExternalStore(
    subscribeToResize,
    () => 1 + COLUMNS.filter((column) => window.innerWidth >= column.minWidth).length,
    () => COLUMNS.length + 1,
  );
}

export interface SortState {
  sort: CandidateSort;
  order: 'asc' | 'desc';
}

/** A candidate at or above the threshold (the score's recommendation), whatever a person decided. */
export function isAboveThreshold(candidate: Candidate, threshold: number): boolean {
  return candidate.match_score !== null && candidate.match_score >= threshold;
}

/** Row tint follows the person's decision first: a rejected 100 % candidate is not green. */
function rowTone(candidate: Candidate, threshold: number): string {
  if (candidate.stage === 'shortlisted') {
    return 'bg-emerald-50 hover:bg-emerald-100/70';
  }
  if (candidate.stage === 'rejected') {
    return 'bg-slate-50 hover:bg-slate-100';
  }
  return isAboveThreshold(candidate, threshold) ? 'bg-emerald-50/50 hover:bg-emerald-50' : 'hover:bg-slate-50';
}

interface Props {
  jobId: number;
  candidates: Candidate[];
  threshold: number;
  sort: SortState;
  onSort: (sort: CandidateSort) => void;
  selected: ReadonlySet<number>;
  onToggleSelected: (candidateId: number) => void;
  onToggleAll: (isSelected: boolean) => void;
  expanded: ReadonlySet<number>;
  onToggleExpanded: (candidateId: number) => void;
  isBusy: boolean;
  /** Rows before this page ((page − 1) × page size), so a row knows its rank. */
  rankOffset?: number;
}

export function CandidateTable(props: Props) {
  const { jobId, candidates, threshold, sort, selected, expanded } = props;
  const isAllSelected = candidates.length > 0 && candidates.every((c) => selected.has(c.id));
  const columnCount = useVisibleColumnCount();
  const tableRef = useRef<HTMLTableElement>(null);
  // Ranks (and ties, and "ranks above") only mean something in the score's own order.
  const isRanked = sort.sort === 'match' && sort.order === 'desc';
  const byId = new Map(candidates.map((c) => [c.id, c]));
  // "Possible duplicate of …" takes the keyboard (and the eye) to the earlier candidate's row.
  const showRow = (candidateId: number) =>
    tableRef.current?.querySelector<HTMLElement>(`tr[data-candidate-id="${candidateId}"] [data-action="expand"]`)?.focus();
  return (
    <table
      ref={tableRef}
      className="w-full table-fixed text-left text-sm"
      aria-label="Candidates"
      aria-busy={props.isBusy}
      data-testid="candidate-table"
    >
      <thead className="border-b border-slate-200 bg-slate-50 text-xs font-semibold tracking-wide text-slate-700 uppercase">
        <tr>
          <th scope="col" className="w-14 py-2 pl-2 sm:w-[4.5rem] sm:pl-3">
            <input
              type="checkbox"
              className="size-4 rounded border-slate-400"
              checked={isAllSelected}
              onChange={(event) => props.onToggleAll(event.target.checked)}
              aria-label="Select every candidate on this page"
            />
          </th>
          {COLUMNS.map((column) => {
            const isSorted = sort.sort === column.key;
            return (
              <th
                key={column.key}
                scope="col"
                aria-sort={isSorted ? (sort.order === 'asc' ? 'ascending' : 'descending') : undefined}
                className={`px-2 py-2 ${column.isNumeric ? 'text-right' : ''} ${column.className ?? ''}`}
              >
                <button
                  type="button"
                  data-sort-key={column.key}
                  onClick={() => props.onSort(column.key)}
                  className="inline-flex items-center gap-1 rounded uppercase hover:text-slate-950"
                >
                  {column.label}
                  <span aria-hidden="true" className={isSorted ? 'text-indigo-700' : 'text-slate-400'}>
                    {isSorted && sort.order === 'asc' ? '▲' : '▼'}
                  </span>
                </button>
              </th>
            );
          })}
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {candidates.map((candidate, index) => {
          const isExpanded = expanded.has(candidate.id);
          const detailId = `candidate-detail-${candidate.id}`;
          const name = displayName(candidate);
          const above = index > 0 ? candidates[index - 1] : undefined;
          const below = candidates[index + 1];
          const tie = isRanked && above ? tieNote(above, candidate) : null;
          const rank = (props.rankOffset ?? 0) + index + 1;
          return (
            <Fragment key={candidate.id}>
              <tr
                data-testid="candidate-row"
                data-candidate-id={candidate.id}
                data-above-threshold={isAboveThreshold(candidate, threshold) ? 'true' : 'false'}
                data-stage={candidate.stage}
                className={rowTone(candidate, threshold)}
              >
                <td className="py-2 pl-2 align-top sm:pl-3">
                  <div className="flex items-center gap-0.5 sm:gap-1">
                    <input
                      type="checkbox"
                      className="size-4 rounded border-slate-400"
                      checked={selected.has(candidate.id)}
                      onChange={() => props.onToggleSelected(candidate.id)}
                      aria-label={`Select ${name}`}
                    />
                    <button
                      type="button"
                      data-action="expand"
                      aria-expanded={isExpanded}
                      aria-controls={isExpanded ? detailId : undefined}
                      aria-label={`${isExpanded ? 'Hide' : 'Show'} details for ${name}`}
                      onClick={() => props.onToggleExpanded(candidate.id)}
                      className="flex size-6 items-center justify-center rounded-md text-slate-600 hover:bg-white hover:text-slate-950 sm:size-7"
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
                  </div>
                </td>
                <td className="px-2 py-2 align-top">
                  <div className={`font-medium break-words text-slate-900 ${candidate.is_identity_hidden ? 'italic' : ''}`}>
                    {name}
                  </div>
                  <div className="truncate text-xs text-slate-600" title={candidate.current_title ?? undefined}>
                    {candidate.processing_notes.length > 0 ? (
                      <span className="mr-1 text-amber-800" title={candidate.processing_notes.join(' ')}>
                        <span aria-hidden="true">ⓘ</span>
                        <span className="sr-only">How this file was read: {candidate.processing_notes.join(' ')} </span>
                      </span>
                    ) : null}
                    {candidate.current_title ?? '—'}
                  </div>
                  {candidate.duplicate_of !== null ? (
                    <div className="mt-1">
                      <DuplicateBadge
                        jobId={jobId}
                        candidate={candidate}
                        original={byId.get(candidate.duplicate_of)}
                        onShowOriginal={showRow}
                      />
                    </div>
                  ) : null}
                </td>
                <td className="hidden truncate px-2 py-2 align-top text-slate-700 xl:table-cell" title={candidate.email ?? undefined}>
                  {candidate.email ?? <span className="text-slate-600">{candidate.is_identity_hidden ? 'hidden' : '—'}</span>}
                </td>
                <td className="hidden px-2 py-2 align-top text-xs whitespace-nowrap text-slate-700 tabular-nums 2xl:table-cell">
                  {candidate.is_identity_hidden ? <span className="text-slate-600">hidden</span> : formatPhone(candidate.phone)}
                </td>
                <td className="hidden px-2 py-2 text-right align-top whitespace-nowrap text-slate-700 tabular-nums md:table-cell">
                  {formatYears(candidate.experience_years)}
                </td>
                <td className="hidden px-2 py-2 align-top lg:table-cell">
                  <SkillChips skills={candidate.skills} />
                </td>
                <td className="px-2 py-2 text-right align-top whitespace-nowrap">
                  <span data-testid="match-score" className="font-semibold text-slate-900 tabular-nums">
                    {formatPercent(candidate.match_score)}
                  </span>
                  {tie ? <TieNote reason={tie} /> : null}
                </td>
                <td className="hidden px-2 py-2 align-top md:table-cell">
                  <RecommendationBadge status={candidate.status} />
                </td>
                <td className="px-2 py-2 align-top">
                  <StageBadge stage={candidate.stage} />
                  {candidate.note_count > 0 ? (
                    <span className="ml-1 text-xs text-slate-600" title={`${candidate.note_count} notes`}>
                      ✎<span className="sr-only">{candidate.note_count} notes</span>
                    </span>
                  ) : null}
                </td>
              </tr>
              {isExpanded ? (
                <tr id={detailId} className="bg-slate-50/70">
                  <td colSpan={columnCount} className="px-3 py-4 sm:px-6">
                    <CandidateDetail
                      jobId={jobId}
                      candidate={candidate}
                      ranking={isRanked ? { rank, below } : undefined}
                      original={candidate.duplicate_of === null ? undefined : byId.get(candidate.duplicate_of)}
                      onShowRow={showRow}
                    />
                  </td>
                </tr>
              ) : null}
            </Fragment>
          );
        })}
      </tbody>
    </table>
  );
}

function SkillChips({ skills }: { skills: string[] }) {
  if (skills.length === 0) {
    return <span className="text-slate-600">—</span>;
  }
  const shown = skills.slice(0, MAX_SKILL_CHIPS);
  const rest = skills.length - shown.length;
  return (
    <div className="flex flex-wrap gap-1" title={skills.join(', ')}>
      {shown.map((skill) => (
        <span key={skill} className="max-w-full truncate rounded-md bg-slate-100 px-1.5 py-0.5 text-xs text-slate-800">
          {skill}
        </span>
      ))}
      {rest > 0 ? <span className="px-1 py-0.5 text-xs text-slate-600">+{rest}</span> : null}
    </div>
  );
}
