import type { Job, JobRequirements, Requirement, RequirementKind } from '@shortlist/contracts';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { toast } from 'sonner';
import { ApiError } from '../../api/client';
import {
  addAlternative,
  addRequirement,
  isChanged,
  KIND_LABELS,
  MAX_REQUIREMENT_YEARS,
  parseYears,
  removeAlternative,
  removeRequirement,
  requirementsNamedIn,
  setKind,
  setMinYears,
  setOverallYears,
  type EditResult,
} from '../../lib/requirements';
import { XIcon } from '../icons';
import { Button } from '../ui';
import { useSaveRequirements } from './mutations';
import { SkillCombobox } from './SkillCombobox';

const KINDS: RequirementKind[] = ['must', 'nice'];
const KIND_HINTS: Record<RequirementKind, string> = {
  must: 'Decide the requirements part of the Match %.',
  nice: 'Add a small bonus part; missing one costs little.',
};

interface ServerProblem {
  message: string;
  /** Chips the message names (an unknown skill), marked on the chip. */
  ids: string[];
}

/**
 * The job's requirements as chips the recruiter edits: must-have vs nice-to-have, "A or B" as one chip, years
 * per skill and overall. Nothing is sent until Save; the server then re-scores every candidate from what it
 * stored (free: no resume is read again, no credit spent) and refuses a skill it does not know (400
 * VALIDATION, shown on the chips) or an edit while resumes are still being screened (409 CONFLICT).
 */
export function RequirementEditor({
  jobId,
  saved,
  isLocked,
  onSaved,
}: {
  jobId: number;
  saved: JobRequirements;
  /** While screening runs the server refuses edits; the editor says so instead of letting the recruiter try. */
  isLocked: boolean;
  onSaved: (job: Job) => void;
}) {
  const headingId = useId();
  const errorId = useId();
  const rootRef = useRef<HTMLElement>(null);
  const [draft, setDraft] = useState(saved);
  const [editingId, setEditingId] = useState<string | null>(null);
  const [problem, setProblem] = useState<ServerProblem | null>(null);
  const [addKind, setAddKind] = useState<RequirementKind>('must');
  // Where focus goes after the next render (a selector inside the editor).
  const focusAfter = useRef<string | null>(null);
  // Discarding resets the years boxes too (they keep their own text while being typed in).
  const [discards, setDiscards] = useState(0);
  const save = useSaveRequirements(jobId);
  const isDirty = isChanged(saved, draft);
  const taken = useMemo(
    () => new Set(draft.requirements.flatMap((r) => r.alternatives.map((a) => a.toLowerCase()))),
    [draft.requirements],
  );

  // A chip that moved between groups is a new element: keep the keyboard user's focus on it.
  useEffect(() => {
    if (focusAfter.current) {
      rootRef.current?.querySelector<HTMLElement>(focusAfter.current)?.focus();
      focusAfter.current = null;
    }
  });

  /** Applies one edit; returns its refusal (shown where the edit was tried) or null. */
  const apply = (result: EditResult): string | null => {
    if (result.error !== null) {
      return result.error;
    }
    setDraft(result.requirements);
    setProblem(null);
    return null;
  };

  const move = (r: Requirement) => {
    const kind: RequirementKind = r.kind === 'must' ? 'nice' : 'must';
    apply(setKind(draft, r.id, kind));
    focusAfter.current = `[data-requirement-id="${r.id}"] [data-action="move"]`;
  };
  const remove = (r: Requirement) => {
    apply(removeRequirement(draft, r.id));
    if (editingId === r.id) {
      setEditingId(null);
    }
    focusAfter.current = '[data-action="add-requirement"] input';
  };

  const submit = async () => {
    setProblem(null);
    try {
      const { job } = await save.mutateAsync(draft);
      toast.success('Requirements saved — every candidate re-scored, no credits spent');
      onSaved(job);
    } catch (error) {
      const message = error instanceof Error ? error.message : 'The requirements could not be saved.';
      if (error instanceof ApiError && error.code === 'VALIDATION') {
        setProblem({ message, ids: requirementsNamedIn(draft, message) });
      } else if (error instanceof ApiError && error.code === 'CONFLICT') {
        setProblem({ message: `${message}. Your changes are kept here; save them once screening has finished.`, ids: [] });
      } else {
        setProblem({ message, ids: [] });
      }
    }
  };

  const editing = draft.requirements.find((r) => r.id === editingId) ?? null;
  return (
    <section ref={rootRef} aria-labelledby={headingId} data-testid="requirement-editor" className="space-y-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h3 id={headingId} className="text-sm font-semibold text-slate-900">
          Requirements
        </h3>
        {isDirty ? (
          <span className="rounded-full bg-amber-100 px-2 py-0.5 text-xs font-semibold text-amber-900">Unsaved changes</span>
        ) : null}
      </div>
      {isLocked ? (
        <p className="rounded-lg bg-amber-50 px-3 py-2 text-xs text-amber-950 ring-1 ring-amber-200" role="status">
          Resumes are still being screened against these requirements. You can edit them once screening has finished.
        </p>
      ) : null}

      <fieldset disabled={isLocked || save.isPending} className="min-w-0 space-y-4" aria-describedby={problem ? errorId : undefined}>
        <legend className="sr-only">Edit the requirements</legend>
        {KINDS.map((kind) => {
          const items = draft.requirements.filter((r) => r.kind === kind);
          const groupId = `${headingId}-${kind}`;
          return (
            <div key={kind} className="min-w-0">
              <h4 id={groupId} className="text-xs font-semibold tracking-wide text-slate-700 uppercase">
                {KIND_LABELS[kind].many} <span className="font-normal text-slate-600">({items.length})</span>
              </h4>
              <p className="mb-1.5 text-xs text-slate-600">{KIND_HINTS[kind]}</p>
              <ul aria-labelledby={groupId} className="flex flex-wrap gap-1.5">
                {items.map((r) => (
                  <Chip
                    key={r.id}
                    requirement={r}
                    isEditing={editingId === r.id}
                    isRefused={problem?.ids.includes(r.id) ?? false}
                    panelId={`${headingId}-edit`}
                    onEdit={() => setEditingId((current) => (current === r.id ? null : r.id))}
                    onMove={() => move(r)}
                    onRemove={() => remove(r)}
                  />
                ))}
                {items.length === 0 ? <li className="text-xs text-slate-600">None.</li> : null}
              </ul>
              {editing && editing.kind === kind ? (
                <ChipPanel
                  key={editing.id}
                  id={`${headingId}-edit`}
                  requirement={editing}
                  taken={taken}
                  onApply={apply}
                  draft={draft}
                  onDone={() => {
                    setEditingId(null);
                    focusAfter.current = `[data-requirement-id="${editing.id}"] [data-action="edit"]`;
                  }}
                />
              ) : null}
            </div>
          );
        })}

        <div className="grid gap-3 sm:grid-cols-[minmax(0,1fr)_auto] sm:items-start" data-action="add-requirement">
          <SkillCombobox
            label="Add a requirement"
            buttonLabel="Add"
            buttonAriaLabel={`Add as ${KIND_LABELS[addKind].one}`}
            taken={taken}
            onPick={(skill) => apply(addRequirement(draft, skill, addKind))}
          />
          <div>
            <label htmlFor={`${headingId}-kind`} className="mb-1 block text-xs font-medium text-slate-700">
              Add as
            </label>
            <select
              id={`${headingId}-kind`}
              value={addKind}
              onChange={(event) => setAddKind(event.target.value as RequirementKind)}
              className="rounded-lg border-0 bg-white py-1.5 pr-8 pl-2.5 text-sm text-slate-900 shadow-sm ring-1 ring-slate-300 ring-inset focus:ring-2 focus:ring-indigo-600"
            >
              <option value="must">Must-have</option>
              <option value="nice">Nice-to-have</option>
            </select>
          </div>
        </div>
        <div className="max-w-xs">
          <YearsField
            key={discards}
            label="Years of experience asked overall"
            years={draft.min_years_overall}
            onYears={(years) => apply(setOverallYears(draft, years))}
          />
        </div>
      </fieldset>

      <dl className="grid gap-3 text-xs sm:grid-cols-3">
        <div>
          <dt className="font-semibold text-slate-700">Occupation (scored as occupation fit)</dt>
          <dd className="mt-1 text-slate-800">
            {draft.occupations.length === 0 ? (
              'Not recognised — occupation fit is left out of the score.'
            ) : (
              <ul className="flex flex-wrap gap-1" aria-label="Occupations the job is read as">
                {draft.occupations.map((o, index) => (
                  <li
                    key={o.code}
                    className={`rounded-md px-1.5 py-0.5 ${index === 0 ? 'bg-indigo-50 font-semibold text-indigo-900' : 'bg-slate-100 text-slate-800'}`}
                  >
                    {o.title}
                  </li>
                ))}
              </ul>
            )}
          </dd>
        </div>
        <div>
          <dt className="font-semibold text-slate-700">Soft skills (shown, not scored)</dt>
          <dd className="mt-1 text-slate-800">{draft.soft_skills.length === 0 ? 'None found.' : draft.soft_skills.join(', ')}</dd>
        </div>
        <div>
          <dt className="font-semibold text-slate-700">Employer (ignored, never a skill)</dt>
          <dd className="mt-1 text-slate-800">
            {draft.employer_names.length === 0 ? 'None found.' : draft.employer_names.join(', ')}
          </dd>
        </div>
      </dl>

      {problem ? (
        <p id={errorId} role="alert" className="rounded-lg bg-rose-50 px-3 py-2 text-sm text-rose-900 ring-1 ring-rose-200">
          <strong className="font-semibold">Not saved:</strong> {problem.message}
        </p>
      ) : null}
      <div className="flex flex-wrap items-center gap-x-3 gap-y-2">
        <Button onClick={() => void submit()} isBusy={save.isPending} disabled={!isDirty || isLocked}>
          Save &amp; re-score
        </Button>
        <Button
          variant="ghost"
          onClick={() => {
            setDraft(saved);
            setProblem(null);
            setEditingId(null);
            setDiscards((n) => n + 1);
          }}
          disabled={!isDirty || save.isPending}
        >
          Discard changes
        </Button>
        <p className="text-xs text-slate-600">
          Re-scoring is free: resumes are not read again and no credits are spent.
        </p>
      </div>
    </section>
  );
}

function Chip({
  requirement: r,
  isEditing,
  isRefused,
  panelId,
  onEdit,
  onMove,
  onRemove,
}: {
  requirement: Requirement;
  isEditing: boolean;
  isRefused: boolean;
  panelId: string;
  onEdit: () => void;
  onMove: () => void;
  onRemove: () => void;
}) {
  const other = r.kind === 'must' ? 'nice' : 'must';
  const tone = isRefused
    ? 'bg-rose-50 text-rose-950 ring-1 ring-rose-500'
    : isEditing
      ? 'bg-white text-slate-950 ring-2 ring-indigo-600'
      : r.kind === 'must'
        ? 'bg-indigo-50 text-indigo-950 ring-1 ring-indigo-200'
        : 'bg-slate-50 text-slate-900 ring-1 ring-slate-300';
  const iconButton = 'flex size-6 items-center justify-center rounded-md text-current hover:bg-white focus-visible:bg-white';
  return (
    <li
      data-testid="requirement-chip"
      data-requirement-id={r.id}
      data-kind={r.kind}
      className={`inline-flex max-w-full items-center gap-0.5 rounded-lg py-0.5 pr-0.5 pl-2 text-sm ring-inset ${tone}`}
    >
      <span className="min-w-0 break-words">
        <span data-testid="chip-label">
          {r.alternatives.map((alternative, index) => (
            <span key={alternative}>
              {index > 0 ? <span className="text-xs text-slate-600"> or </span> : null}
              {alternative}
            </span>
          ))}
        </span>
        {r.min_years !== null ? (
          <span data-testid="chip-years" className="ml-1 rounded bg-white px-1 text-xs font-semibold text-slate-800 ring-1 ring-slate-200">
            {r.min_years}+ yrs
          </span>
        ) : null}
        {r.source === 'recruiter' ? <span className="ml-1 text-xs text-slate-600">· edited</span> : null}
        {isRefused ? <span className="sr-only"> (not accepted — see the message below)</span> : null}
      </span>
      <button
        type="button"
        data-action="edit"
        aria-label={`Edit ${r.label}`}
        title="Alternatives and years"
        aria-expanded={isEditing}
        aria-controls={isEditing ? panelId : undefined}
        onClick={onEdit}
        className={iconButton}
      >
        <svg viewBox="0 0 20 20" className="size-3.5" fill="currentColor" aria-hidden="true">
          <path d="M13.6 2.9a2 2 0 012.8 0l.7.7a2 2 0 010 2.8l-9.4 9.4-4 1.2 1.2-4 8.7-8.7zM12.5 5.4l2.1 2.1" />
        </svg>
      </button>
      <button
        type="button"
        data-action="move"
        aria-label={`Make ${r.label} a ${KIND_LABELS[other].one}`}
        title={`Make it a ${KIND_LABELS[other].one}`}
        onClick={onMove}
        className={iconButton}
      >
        <svg viewBox="0 0 20 20" className={`size-3.5 ${r.kind === 'nice' ? 'rotate-180' : ''}`} fill="currentColor" aria-hidden="true">
          <path d="M10 3a1 1 0 011 1v9.6l3.3-3.3a1 1 0 111.4 1.4l-5 5a1 1 0 01-1.4 0l-5-5a1 1 0 111.4-1.4L9 13.6V4a1 1 0 011-1z" />
        </svg>
      </button>
      <button type="button" data-action="remove" aria-label={`Remove ${r.label}`} title="Remove" onClick={onRemove} className={iconButton}>
        <XIcon className="size-3.5" strokeWidth={2.25} />
      </button>
    </li>
  );
}

function ChipPanel({
  id,
  requirement: r,
  draft,
  taken,
  onApply,
  onDone,
}: {
  id: string;
  requirement: Requirement;
  draft: JobRequirements;
  taken: ReadonlySet<string>;
  onApply: (result: EditResult) => string | null;
  onDone: () => void;
}) {
  const [alternativeError, setAlternativeError] = useState<string | null>(null);
  return (
    <div id={id} role="group" aria-label={`Edit ${r.label}`} className="mt-2 space-y-3 rounded-lg bg-slate-50 p-3 ring-1 ring-slate-200">
      <div className="flex items-start justify-between gap-2">
        <p className="text-sm font-medium text-slate-900">
          {KIND_LABELS[r.kind].one[0]?.toUpperCase()}
          {KIND_LABELS[r.kind].one.slice(1)}: {r.label}
        </p>
        <Button variant="secondary" className="px-2.5 py-1 text-xs" onClick={onDone}>
          Done
        </Button>
      </div>
      {r.jd_snippet ? (
        <p className="text-xs text-slate-700">
          Read from the JD: <q className="italic">{r.jd_snippet}</q>
        </p>
      ) : (
        <p className="text-xs text-slate-700">Added by a recruiter.</p>
      )}
      <div>
        <p className="text-xs font-medium text-slate-700">Any one of these meets it</p>
        <ul className="mt-1 flex flex-wrap gap-1" aria-label={`Alternatives of ${r.label}`}>
          {r.alternatives.map((alternative) => (
            <li key={alternative} className="inline-flex items-center gap-0.5 rounded-md bg-white py-0.5 pr-0.5 pl-1.5 text-xs text-slate-900 ring-1 ring-slate-300">
              {alternative}
              {r.alternatives.length > 1 ? (
                <button
                  type="button"
                  aria-label={`Remove the alternative ${alternative}`}
                  onClick={() => setAlternativeError(onApply(removeAlternative(draft, r.id, alternative)))}
                  className="flex size-6 items-center justify-center rounded text-slate-700 hover:bg-slate-100"
                >
                  <XIcon className="size-3" strokeWidth={2.5} />
                </button>
              ) : null}
            </li>
          ))}
        </ul>
        {alternativeError ? <p className="mt-1 text-xs text-rose-700">{alternativeError}</p> : null}
      </div>
      <SkillCombobox
        label={`Add an alternative to ${r.label} (“${r.label} or …”)`}
        buttonLabel="Add"
        buttonAriaLabel={`Add an alternative to ${r.label}`}
        taken={taken}
        autoFocus
        onPick={(skill) => onApply(addAlternative(draft, r.id, skill))}
      />
      <div className="max-w-xs">
        <YearsField label={`Minimum years with ${r.label}`} years={r.min_years} onYears={(years) => onApply(setMinYears(draft, r.id, years))} />
      </div>
    </div>
  );
}

/** A years box: blank is "no minimum"; the draft only changes on a valid number. */
function YearsField({ label, years, onYears }: { label: string; years: number | null; onYears: (years: number | null) => void }) {
  const id = useId();
  const [text, setText] = useState(years === null ? '' : String(years));
  const [error, setError] = useState<string | null>(null);
  return (
    <div>
      <label htmlFor={id} className="mb-1 block text-xs font-medium text-slate-700">
        {label}
      </label>
      <input
        id={id}
        type="number"
        inputMode="decimal"
        min={0}
        max={MAX_REQUIREMENT_YEARS}
        step={0.5}
        placeholder="No minimum"
        value={text}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(event) => {
          setText(event.target.value);
          const parsed = parseYears(event.target.value);
          setError(parsed.error);
          if (parsed.error === null) {
            onYears(parsed.years);
          }
        }}
        className="block w-28 rounded-lg border-0 bg-white px-2.5 py-1.5 text-sm text-slate-900 shadow-sm ring-1 ring-slate-300 ring-inset placeholder:text-slate-500 focus:ring-2 focus:ring-indigo-600 aria-[invalid=true]:ring-rose-500"
      />
      {error ? (
        <p id={`${id}-error`} className="mt-1 text-xs text-rose-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
