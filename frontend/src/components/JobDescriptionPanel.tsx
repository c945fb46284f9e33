import { updateJobRequestSchema, type Job, type UpdateJobRequest } from '@shortlist/contracts';
import { useState, type FormEvent } from 'react';
import { formatInteger, formatPercent, formatYears } from '../lib/format';
import { fieldErrors } from '../lib/validation';
import { RequirementEditor } from './requirements/RequirementEditor';
import { Alert, Button, Card, TextArea, TextField } from './ui';

const COLLAPSED_CHARS = 600;

export function JobDescriptionPanel({
  job,
  onSave,
  isLocked,
}: {
  job: Job;
  onSave: (changes: UpdateJobRequest) => Promise<void>;
  /** While resumes are being processed the JD can't change under them. */
  isLocked: boolean;
}) {
  // Folded by default: the candidate table, not the JD, is what a recruiter opens the dashboard for.
  const [isOpen, setIsOpen] = useState(false);
  const [isExpanded, setIsExpanded] = useState(false);
  const [isEditing, setIsEditing] = useState(false);
  const [description, setDescription] = useState(job.description);
  const [threshold, setThreshold] = useState(String(job.shortlist_threshold));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [isSaving, setIsSaving] = useState(false);
  const [rescored, setRescored] = useState<{ count: number; at: string } | null>(null);
  const requirements = job.requirements;
  const mustCount = requirements
    ? requirements.requirements.filter((r) => r.kind === 'must').length
    : job.required_skills.length;
  const niceCount = requirements ? requirements.requirements.filter((r) => r.kind === 'nice').length : 0;
  const yearsAsked = requirements ? requirements.min_years_overall : job.required_years;
  const hasRecruiterEdits = requirements?.requirements.some((r) => r.source === 'recruiter') ?? false;
  const isLong = job.description.length > COLLAPSED_CHARS;
  const shown =
    isLong && !isExpanded ? `${job.description.slice(0, COLLAPSED_CHARS).trimEnd()}…` : job.description;

  const startEditing = () => {
    setDescription(job.description);
    setThreshold(String(job.shortlist_threshold));
    setErrors({});
    setIsOpen(true);
    setIsEditing(true);
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const changes: Record<string, unknown> = {};
    if (description.trim() !== job.description.trim()) {
      changes.description = description;
    }
    if (Number(threshold) !== job.shortlist_threshold) {
      changes.shortlist_threshold = threshold;
    }
    if (Object.keys(changes).length === 0) {
      setIsEditing(false);
      return;
    }
    const parsed = updateJobRequestSchema.safeParse(changes);
    if (!parsed.success) {
      setErrors(fieldErrors(parsed.error));
      return;
    }
    setIsSaving(true);
    try {
      await onSave(parsed.data);
      setIsEditing(false);
    } catch {
      // toasted by the client; keep the form open with the user's text
    } finally {
      setIsSaving(false);
    }
  };

  const bodyId = `jd-panel-${job.id}`;
  return (
    <Card
      title={
        <button
          type="button"
          aria-expanded={isOpen}
          aria-controls={isOpen ? bodyId : undefined}
          onClick={() => setIsOpen((open) => !open)}
          className="inline-flex items-center gap-2 text-left hover:text-indigo-700"
        >
          <svg
            viewBox="0 0 20 20"
            className={`size-4 transition-transform ${isOpen ? 'rotate-90' : ''}`}
            fill="currentColor"
            aria-hidden="true"
          >
            <path d="M7.3 14.7a1 1 0 010-1.4L10.6 10 7.3 6.7a1 1 0 011.4-1.4l4 4a1 1 0 010 1.4l-4 4a1 1 0 01-1.4 0z" />
          </svg>
          Job description &amp; requirements
          <span className="hidden font-normal text-slate-600 sm:inline">
            · threshold {formatPercent(job.shortlist_threshold)} · {mustCount} must-haves
            {requirements ? ` · ${niceCount} nice-to-haves` : ''}
            {yearsAsked === null ? '' : ` · ${formatYears(yearsAsked)}`}
          </span>
        </button>
      }
      actions={
        isEditing ? null : (
          <Button
            variant="secondary"
            onClick={startEditing}
            disabled={isLocked}
            title={isLocked ? 'Wait for processing to finish' : undefined}
          >
            <span className="sm:hidden">Edit</span>
            <span className="hidden sm:inline">Edit &amp; re-score</span>
          </Button>
        )
      }
      bodyClassName={isOpen ? 'p-5' : 'hidden'}
    >
      {!isOpen ? null : isEditing ? (
        <form id={bodyId} className="space-y-4" onSubmit={(event) => void save(event)} noValidate>
          <TextArea
            label="Description"
            rows={12}
            value={description}
            error={errors.description ?? errors._form}
            onChange={(event) => setDescription(event.target.value)}
          />
          <div className="max-w-[12rem]">
            <TextField
              label="Shortlist threshold (%)"
              type="number"
              min={0}
              max={100}
              step={1}
              value={threshold}
              error={errors.shortlist_threshold}
              onChange={(event) => setThreshold(event.target.value)}
            />
          </div>
          <p className="text-xs text-slate-600">
            Saving re-scores every candidate against the new text. Resumes aren't re-read and no credits are
            spent.
            {hasRecruiterEdits
              ? ' A changed description is read into new requirements, replacing your edits to the chips.'
              : ''}
          </p>
          <div className="flex gap-2">
            <Button type="submit" isBusy={isSaving}>
              Save &amp; re-score
            </Button>
            <Button variant="ghost" onClick={() => setIsEditing(false)} disabled={isSaving}>
              Cancel
            </Button>
          </div>
        </form>
      ) : (
        <div id={bodyId} className="space-y-5">
          <dl className="grid grid-cols-2 gap-x-6 gap-y-3 text-sm sm:flex sm:flex-wrap">
            <div>
              <dt className="text-xs text-slate-600">Shortlist threshold</dt>
              <dd className="font-semibold text-slate-900">{formatPercent(job.shortlist_threshold)}</dd>
            </div>
            <div>
              <dt className="text-xs text-slate-600">Required experience</dt>
              <dd className="font-semibold text-slate-900">
                {yearsAsked === null ? 'Not stated' : formatYears(yearsAsked)}
              </dd>
            </div>
            {requirements ? null : (
              <div className="col-span-2 min-w-0 sm:flex-1">
                <dt className="text-xs text-slate-600">Required skills ({job.required_skills.length})</dt>
                <dd className="mt-1 flex flex-wrap gap-1">
                  {job.required_skills.length === 0 ? (
                    <span className="text-slate-600">None detected</span>
                  ) : null}
                  {job.required_skills.map((skill) => (
                    <span
                      key={skill}
                      className="rounded-md bg-indigo-50 px-1.5 py-0.5 text-xs font-medium text-indigo-700"
                    >
                      {skill}
                    </span>
                  ))}
                </dd>
              </div>
            )}
          </dl>
          {rescored ? (
            <Alert tone="success">
              Saved at {rescored.at}: {formatInteger(rescored.count)} candidates re-scored for free — no
              resume was read again and no credits were spent.
            </Alert>
          ) : null}
          {requirements ? (
            <RequirementEditor
              // A new saved shape (this save, or another tab's) starts a fresh draft.
              key={JSON.stringify(requirements)}
              jobId={job.id}
              saved={requirements}
              isLocked={isLocked}
              onSaved={(updated) =>
                setRescored({
                  count: updated.candidate_count,
                  at: new Date().toLocaleTimeString('en-US', { hour: 'numeric', minute: '2-digit' }),
                })
              }
            />
          ) : (
            <p className="text-xs text-slate-600">
              This job was read before requirements became editable chips. Change and save its description to
              read it again as must-haves and nice-to-haves you can edit.
            </p>
          )}
          <div>
            <h3 className="mb-1 text-sm font-semibold text-slate-900">Description</h3>
            <p className="text-sm leading-relaxed whitespace-pre-line text-slate-700" id={`jd-${job.id}`}>
              {shown}
            </p>
            {isLong ? (
              <button
                type="button"
                aria-expanded={isExpanded}
                aria-controls={`jd-${job.id}`}
                onClick={() => setIsExpanded((open) => !open)}
                className="mt-2 text-sm font-semibold text-indigo-600 hover:text-indigo-500"
              >
                {isExpanded ? 'Show less' : 'Show full description'}
              </button>
            ) : null}
          </div>
        </div>
      )}
    </Card>
  );
}
