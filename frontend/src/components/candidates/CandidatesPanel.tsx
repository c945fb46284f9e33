import { CANDIDATE_PAGE_SIZE, type CandidateSort } from '@shortlist/contracts';
import { useCallback, useMemo, useRef, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { useCandidatePage, useSkillSuggestions } from '../../api/queries';
import { formatInteger } from '../../lib/format';
import { Button, Card, EmptyState, ErrorState, Spinner } from '../ui';
import { ClockIcon, UploadIcon } from '../icons';
import { BulkBar } from './BulkBar';
import { CandidateTable, type SortState } from './CandidateTable';
import { CandidateToolbar, hasActiveFilters, type Filters } from './CandidateToolbar';
import { Pagination } from './Pagination';

const DEFAULT_SORT: SortState = { sort: 'match', order: 'desc' };

/** The page the panel opens on, so the dashboard can ask for it while it still loads the job. */
export const FIRST_PAGE_QUERY = { sort: DEFAULT_SORT.sort, order: DEFAULT_SORT.order, page: 1, page_size: CANDIDATE_PAGE_SIZE };
const firstOrder = (sort: CandidateSort): 'asc' | 'desc' =>
  sort === 'match' || sort === 'experience' || sort === 'skills' ? 'desc' : 'asc';

/**
 * The candidate table with everything around it. Paging, sorting, search and filters all run on the server:
 * the browser holds one page (25–100 rows) whatever the job's size.
 */
export function CandidatesPanel({
  jobId,
  threshold,
  candidateCount,
  isProcessing,
  blindReview,
  onAddResumes,
}: {
  jobId: number;
  threshold: number;
  candidateCount: number;
  isProcessing: boolean;
  blindReview: boolean;
  onAddResumes: () => void;
}) {
  const navigate = useNavigate();
  const [filters, setFilters] = useState<Filters>({});
  const [sort, setSort] = useState<SortState>(DEFAULT_SORT);
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState<number>(CANDIDATE_PAGE_SIZE);
  const [selected, setSelected] = useState<ReadonlySet<number>>(new Set());
  const [expanded, setExpanded] = useState<ReadonlySet<number>>(new Set());
  const paginationRef = useRef<HTMLElement>(null);

  const query = useMemo(
    () => (Object.keys(filters).length === 0 && sort === DEFAULT_SORT && page === 1 && pageSize === CANDIDATE_PAGE_SIZE
      ? FIRST_PAGE_QUERY
      : { ...filters, sort: sort.sort, order: sort.order, page, page_size: pageSize }),
    [filters, sort, page, pageSize],
  );
  const result = useCandidatePage(jobId, query);
  const skills = useSkillSuggestions(jobId);
  const data = result.data;

  const changeFilters = useCallback((next: Filters) => {
    setFilters(next);
    setPage(1);
  }, []);
  const changeSort = (key: CandidateSort) => {
    setSort((current) =>
      current.sort === key ? { sort: key, order: current.order === 'asc' ? 'desc' : 'asc' } : { sort: key, order: firstOrder(key) },
    );
    setPage(1);
  };
  const toggle = (set: ReadonlySet<number>, id: number) => {
    const next = new Set(set);
    if (next.has(id)) {
      next.delete(id);
    } else {
      next.add(id);
    }
    return next;
  };
  const toggleAll = (isOn: boolean) =>
    setSelected((current) => {
      const next = new Set(current);
      for (const candidate of data?.candidates ?? []) {
        if (isOn) {
          next.add(candidate.id);
        } else {
          next.delete(candidate.id);
        }
      }
      return next;
    });

  const total = data?.total ?? 0;
  const title = hasActiveFilters(filters)
    ? `Candidates (${formatInteger(total)} of ${formatInteger(candidateCount)})`
    : `Candidates (${formatInteger(candidateCount)})`;

  return (
    <Card
      title={<span id="candidates-heading">{title}</span>}
      actions={
        <span className="flex items-center gap-3 text-xs text-slate-700">
          {result.isFetching ? <Spinner className="size-3.5" /> : null}
          {blindReview ? <span className="rounded-full bg-violet-100 px-2 py-0.5 font-semibold text-violet-900">Blind review</span> : null}
          <span className="hidden sm:inline">Recommended: ≥ {threshold} % match</span>
        </span>
      }
      bodyClassName="p-0"
    >
      {candidateCount === 0 ? (
        isProcessing ? (
          <EmptyState icon={<ClockIcon className="size-6" />} title="Screening in progress">
            Candidates appear here as each resume is screened.
          </EmptyState>
        ) : (
          <EmptyState
            icon={<UploadIcon className="size-6" />}
            title="No candidates yet"
            action={<Button onClick={onAddResumes}>Add resumes</Button>}
          >
            Upload resumes (PDF, DOCX or TXT) to score them against this job.
          </EmptyState>
        )
      ) : (
        <>
          <CandidateToolbar
            filters={filters}
            onChange={changeFilters}
            skillSuggestions={(skills.data ?? []).map((s) => s.skill)}
          />
          {selected.size > 0 ? (
            <BulkBar
              jobId={jobId}
              selected={[...selected]}
              onClear={() => setSelected(new Set())}
              onCompare={() => void navigate(`/jobs/${jobId}/compare?ids=${[...selected].join(',')}`)}
            />
          ) : null}
          <a
            href="#candidates-pagination"
            onClick={(event) => {
              event.preventDefault();
              paginationRef.current?.focus();
            }}
            className="sr-only focus:not-sr-only focus:m-2 focus:inline-block focus:rounded focus:bg-indigo-700 focus:px-3 focus:py-1.5 focus:text-sm focus:text-white"
          >
            Skip the table to pagination
          </a>
          {result.isError && !data ? (
            <div className="p-4">
              <ErrorState message={result.error.message} onRetry={() => void result.refetch()} />
            </div>
          ) : null}
          {data && data.candidates.length === 0 ? (
            <EmptyState title="No candidate matches these filters">Change or clear the filters to see more.</EmptyState>
          ) : null}
          {data && data.candidates.length > 0 ? (
            <CandidateTable
              jobId={jobId}
              candidates={data.candidates}
              threshold={threshold}
              sort={sort}
              onSort={changeSort}
              selected={selected}
              onToggleSelected={(id) => setSelected((current) => toggle(current, id))}
              onToggleAll={toggleAll}
              expanded={expanded}
              onToggleExpanded={(id) => setExpanded((current) => toggle(current, id))}
              isBusy={result.isFetching}
              rankOffset={(data.page - 1) * data.page_size}
            />
          ) : null}
          {!data && result.isPending ? (
            <div className="flex justify-center p-8">
              <Spinner label="Loading candidates…" />
            </div>
          ) : null}
          <Pagination
            ref={paginationRef}
            page={page}
            pageSize={pageSize}
            total={total}
            onPage={setPage}
            onPageSize={(size) => {
              setPageSize(size);
              setPage(1);
            }}
          />
        </>
      )}
    </Card>
  );
}
