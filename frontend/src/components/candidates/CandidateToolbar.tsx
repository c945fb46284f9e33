import type { CandidateListQuery, CandidateStage } from '@shortlist/contracts';
import { useEffect, useId, useState } from 'react';
import { STAGE_LABELS, STAGE_ORDER } from '../../lib/stages';

export type Filters = Pick<
  CandidateListQuery,
  'q' | 'stage' | 'status' | 'band' | 'has_skill' | 'missing_skill' | 'min_years' | 'max_years'
>;

const BANDS = [
  { value: '90_100', label: '90–100 %' },
  { value: '80_90', label: '80–90 %' },
  { value: '50_80', label: '50–80 %' },
  { value: '0_50', label: '0–50 %' },
] as const;

const SEARCH_DEBOUNCE_MS = 250;

const selectClass =
  'rounded-lg border-0 bg-white py-1.5 pr-8 pl-2.5 text-sm text-slate-900 shadow-sm ring-1 ring-slate-300 ring-inset focus:ring-2 focus:ring-indigo-600';
const inputClass =
  'w-full rounded-lg border-0 bg-white px-2.5 py-1.5 text-sm text-slate-900 shadow-sm ring-1 ring-slate-300 ring-inset placeholder:text-slate-500 focus:ring-2 focus:ring-indigo-600';

export function hasActiveFilters(filters: Filters): boolean {
  return Object.values(filters).some((v) => v !== undefined && v !== '' && !(Array.isArray(v) && v.length === 0));
}

/** Search and filters; every change goes to the server (the table never filters a page on its own). */
export function CandidateToolbar({
  filters,
  onChange,
  skillSuggestions,
}: {
  filters: Filters;
  onChange: (filters: Filters) => void;
  skillSuggestions: string[];
}) {
  const ids = { search: useId(), stage: useId(), score: useId(), has: useId(), missing: useId(), min: useId(), max: useId(), skills: useId(), more: useId() };
  const [text, setText] = useState(filters.q ?? '');
  const [isMoreOpen, setIsMoreOpen] = useState(false);

  useEffect(() => {
    const current = filters.q ?? '';
    if (text.trim() === current) {
      return;
    }
    const timer = setTimeout(() => onChange({ ...filters, q: text.trim() || undefined }), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text, filters, onChange]);

  const stage = filters.stage?.[0] ?? '';
  const score = filters.status?.[0] === 'shortlisted' ? 'recommended' : (filters.band?.[0] ?? '');
  const setScore = (value: string) =>
    onChange({
      ...filters,
      status: value === 'recommended' ? ['shortlisted'] : undefined,
      band: value && value !== 'recommended' ? [value as (typeof BANDS)[number]['value']] : undefined,
    });
  const years = (value: string) => (value === '' ? undefined : Number(value));

  return (
    <div className="space-y-2 border-b border-slate-100 px-4 py-3" role="search" aria-label="Filter candidates">
      <div className="flex flex-wrap items-center gap-2">
        <label htmlFor={ids.search} className="sr-only">
          Search candidates
        </label>
        <input
          id={ids.search}
          type="search"
          value={text}
          onChange={(event) => setText(event.target.value)}
          placeholder="Search name, email, title or skill"
          className={`${inputClass} min-w-[12rem] flex-1 sm:max-w-xs`}
        />
        <label htmlFor={ids.stage} className="sr-only">
          Stage
        </label>
        <select
          id={ids.stage}
          value={stage}
          onChange={(event) =>
            onChange({ ...filters, stage: event.target.value ? [event.target.value as CandidateStage] : undefined })
          }
          className={`${selectClass} w-[calc(50%-0.25rem)] sm:w-auto`}
        >
          <option value="">All stages</option>
          {STAGE_ORDER.map((s) => (
            <option key={s} value={s}>
              {STAGE_LABELS[s]}
            </option>
          ))}
        </select>
        <label htmlFor={ids.score} className="sr-only">
          Match score
        </label>
        <select
          id={ids.score}
          value={score}
          onChange={(event) => setScore(event.target.value)}
          className={`${selectClass} w-[calc(50%-0.25rem)] sm:w-auto`}
        >
          <option value="">Any score</option>
          <option value="recommended">Recommended (≥ threshold)</option>
          {BANDS.map((band) => (
            <option key={band.value} value={band.value}>
              {band.label}
            </option>
          ))}
        </select>
        <button
          type="button"
          aria-expanded={isMoreOpen}
          aria-controls={isMoreOpen ? ids.more : undefined}
          onClick={() => setIsMoreOpen((open) => !open)}
          className="rounded-lg px-2.5 py-1.5 text-sm font-medium text-indigo-700 hover:bg-indigo-50"
        >
          {isMoreOpen ? 'Fewer filters' : 'Skills & experience…'}
        </button>
        {hasActiveFilters(filters) ? (
          <button
            type="button"
            onClick={() => {
              setText('');
              onChange({});
            }}
            className="rounded-lg px-2.5 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-100"
          >
            Clear filters
          </button>
        ) : null}
      </div>
      {isMoreOpen ? (
        <div id={ids.more} className="grid grid-cols-2 gap-2 sm:flex sm:flex-wrap sm:items-end">
          <datalist id={ids.skills}>
            {skillSuggestions.map((skill) => (
              <option key={skill} value={skill} />
            ))}
          </datalist>
          <div className="col-span-2 sm:w-48">
            <label htmlFor={ids.has} className="mb-0.5 block text-xs font-medium text-slate-700">
              Has skill
            </label>
            <input
              id={ids.has}
              list={ids.skills}
              className={inputClass}
              value={filters.has_skill?.[0] ?? ''}
              onChange={(event) => onChange({ ...filters, has_skill: event.target.value ? [event.target.value] : undefined })}
            />
          </div>
          <div className="col-span-2 sm:w-48">
            <label htmlFor={ids.missing} className="mb-0.5 block text-xs font-medium text-slate-700">
              Misses skill
            </label>
            <input
              id={ids.missing}
              list={ids.skills}
              className={inputClass}
              value={filters.missing_skill?.[0] ?? ''}
              onChange={(event) =>
                onChange({ ...filters, missing_skill: event.target.value ? [event.target.value] : undefined })
              }
            />
          </div>
          <div className="sm:w-28">
            <label htmlFor={ids.min} className="mb-0.5 block text-xs font-medium text-slate-700">
              Min years
            </label>
            <input
              id={ids.min}
              type="number"
              min={0}
              max={80}
              className={inputClass}
              value={filters.min_years ?? ''}
              onChange={(event) => onChange({ ...filters, min_years: years(event.target.value) })}
            />
          </div>
          <div className="sm:w-28">
            <label htmlFor={ids.max} className="mb-0.5 block text-xs font-medium text-slate-700">
              Max years
            </label>
            <input
              id={ids.max}
              type="number"
              min={0}
              max={80}
              className={inputClass}
              value={filters.max_years ?? ''}
              onChange={(event) => onChange({ ...filters, max_years: years(event.target.value) })}
            />
          </div>
        </div>
      ) : null}
    </div>
  );
}
