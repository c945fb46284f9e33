import { createJobRequestSchema, type Job } from '@shortlist/contracts';
import { useState, type FormEvent } from 'react';
import { useDropzone } from 'react-dropzone';
import { Link, useNavigate } from 'react-router-dom';
import { jobsApi } from '../api/jobs';
import { describeSummary, ResumeUploader, type UploadSummary } from '../components/ResumeUploader';
import { Button, Card, TextArea, TextField } from '../components/ui';
import { useAuth } from '../hooks/auth-context';
import { fieldErrors } from '../lib/validation';
import { DocumentIcon } from '../components/icons';

const DEFAULT_THRESHOLD = 85;

export function NewJobPage() {
  const { user, refreshUser } = useAuth();
  const navigate = useNavigate();
  const [job, setJob] = useState<Job | null>(null);
  const [summary, setSummary] = useState<UploadSummary | null>(null);

  const credits = user ? user.free_trial_remaining + user.paid_credits : null;

  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <div>
        <Link to="/jobs" className="text-sm font-medium text-slate-600 hover:text-slate-800">
          ← All jobs
        </Link>
        <h1 className="mt-2 text-2xl font-semibold tracking-tight text-slate-900">New screening job</h1>
        <ol className="mt-3 flex gap-4 text-sm" aria-label="Steps">
          <li
            className={job ? 'text-slate-600' : 'font-semibold text-indigo-700'}
            aria-current={job ? undefined : 'step'}
          >
            1 · Job description
          </li>
          <li
            className={job ? 'font-semibold text-indigo-700' : 'text-slate-600'}
            aria-current={job ? 'step' : undefined}
          >
            2 · Resumes
          </li>
        </ol>
      </div>
      {job ? (
        <Card
          title={
            <>
              Upload resumes for <span className="text-indigo-700">{job.title}</span>
            </>
          }
        >
          <ResumeUploader
            jobId={job.id}
            credits={credits}
            isVerified={user?.is_verified ?? false}
            onUploaded={(result) => {
              setSummary(result);
              void refreshUser();
            }}
          />
          <div className="mt-6 flex flex-wrap items-center justify-between gap-3 border-t border-slate-100 pt-5">
            <p className="text-sm text-slate-600">
              {summary ? `${describeSummary(summary)}.` : 'You can also add resumes later from the dashboard.'}
            </p>
            <Button
              onClick={() => void navigate(`/jobs/${job.id}`)}
              variant={summary ? 'primary' : 'secondary'}
            >
              Open dashboard →
            </Button>
          </div>
        </Card>
      ) : (
        <JobForm onCreated={setJob} />
      )}
    </div>
  );
}

function JobForm({ onCreated }: { onCreated: (job: Job) => void }) {
  const [title, setTitle] = useState('');
  const [mode, setMode] = useState<'text' | 'file'>('text');
  const [description, setDescription] = useState('');
  const [jdFile, setJdFile] = useState<File | null>(null);
  const [threshold, setThreshold] = useState(String(DEFAULT_THRESHOLD));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [isBusy, setIsBusy] = useState(false);

  const { getRootProps, getInputProps, isDragActive, open } = useDropzone({
    accept: {
      'application/pdf': ['.pdf'],
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ['.docx'],
      'text/plain': ['.txt'],
    },
    multiple: false,
    noClick: true,
    noKeyboard: true,
    onDrop: (accepted, rejected) => {
      if (accepted[0]) {
        setJdFile(accepted[0]);
        setErrors((current) => ({ ...current, description: '' }));
      } else if (rejected.length > 0) {
        setErrors((current) => ({
          ...current,
          description: 'The job description must be a PDF, DOCX or TXT file',
        }));
      }
    },
  });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = createJobRequestSchema.safeParse({
      title,
      description: mode === 'text' ? description : 'from file',
      shortlist_threshold: threshold === '' ? undefined : threshold,
    });
    const found = parsed.success ? {} : fieldErrors(parsed.error);
    if (mode === 'file' && !jdFile) {
      found.description = 'Choose a PDF, DOCX or TXT file with the job description';
    }
    if (Object.keys(found).length > 0 || !parsed.success) {
      setErrors(found);
      return;
    }
    setErrors({});
    setIsBusy(true);
    try {
      const { job } =
        mode === 'file' && jdFile
          ? await jobsApi.createFromFile(parsed.data.title, jdFile, parsed.data.shortlist_threshold)
          : await jobsApi.createFromText(parsed.data);
      onCreated(job);
    } catch {
      // toasted by the client
    } finally {
      setIsBusy(false);
    }
  };

  return (
    <Card>
      <form className="space-y-5" noValidate onSubmit={(event) => void submit(event)}>
        <TextField
          label="Job title"
          name="title"
          placeholder="Senior Backend Engineer"
          value={title}
          error={errors.title}
          onChange={(event) => setTitle(event.target.value)}
        />
        <fieldset>
          <legend className="mb-1.5 text-sm font-medium text-slate-700">Job description</legend>
          <div
            role="group"
            aria-label="Job description source"
            className="mb-3 inline-flex rounded-lg bg-slate-100 p-1"
          >
            {(['text', 'file'] as const).map((value) => (
              <button
                key={value}
                type="button"
                aria-pressed={mode === value}
                onClick={() => setMode(value)}
                className={`rounded-md px-3 py-1.5 text-sm font-medium ${mode === value ? 'bg-white text-slate-900 shadow-sm' : 'text-slate-600 hover:text-slate-900'}`}
              >
                {value === 'text' ? 'Paste text' : 'Upload file'}
              </button>
            ))}
          </div>
          {mode === 'text' ? (
            <TextArea
              label="Description text"
              name="description"
              rows={12}
              placeholder="Paste the job description: responsibilities, required skills, years of experience…"
              value={description}
              error={errors.description || undefined}
              hint="Required skills and years of experience are read from this text."
              onChange={(event) => setDescription(event.target.value)}
            />
          ) : (
            <div>
              <div
                {...getRootProps({
                  className: `flex flex-col items-center rounded-xl border-2 border-dashed px-6 py-8 text-center ${isDragActive ? 'border-indigo-500 bg-indigo-50' : 'border-slate-300 bg-slate-50/60'}`,
                })}
              >
                <input {...getInputProps({ 'aria-label': 'Job description file' })} />
                <p className="text-sm font-medium text-slate-700">
                  {jdFile ? (
                    <span className="inline-flex items-center gap-1.5">
                      <DocumentIcon className="size-4 text-indigo-600" />
                      {jdFile.name}
                    </span>
                  ) : (
                    'Drop the JD here (PDF, DOCX or TXT)'
                  )}
                </p>
                <Button variant="secondary" className="mt-3" onClick={open}>
                  {jdFile ? 'Choose another file…' : 'Choose file…'}
                </Button>
              </div>
              {errors.description ? (
                <p className="mt-1.5 text-xs text-rose-600">{errors.description}</p>
              ) : null}
            </div>
          )}
        </fieldset>
        <div className="max-w-[14rem]">
          <TextField
            label="Shortlist threshold (%)"
            name="shortlist_threshold"
            type="number"
            min={0}
            max={100}
            value={threshold}
            error={errors.shortlist_threshold}
            hint="Candidates scoring at or above this are shortlisted."
            onChange={(event) => setThreshold(event.target.value)}
          />
        </div>
        <div className="flex justify-end">
          <Button type="submit" isBusy={isBusy}>
            Create job &amp; add resumes →
          </Button>
        </div>
      </form>
    </Card>
  );
}
