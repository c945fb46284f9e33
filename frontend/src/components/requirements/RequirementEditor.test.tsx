import type { JobRequirements } from '@shortlist/contracts';
import { QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createQueryClient } from '../../api/queries';
import { startFakeApi, vocabularyRoute, type FakeRoute } from '../../test/fake-api';
import { makeJob, makeRequirements } from '../../test/factories';
import { RequirementEditor } from './RequirementEditor';

let api: Awaited<ReturnType<typeof startFakeApi>> | null = null;
afterEach(async () => {
  await api?.close();
  api = null;
});

const savesAsSent: FakeRoute = ({ body }) => ({
  body: { ok: true, job: makeJob({ requirements: (body as { requirements: JobRequirements }).requirements, candidate_count: 5 }) },
});

async function renderEditor(options: { patch?: FakeRoute; isLocked?: boolean } = {}) {
  api = await startFakeApi({ 'GET /vocabulary/skills': vocabularyRoute, 'PATCH /jobs/7': options.patch ?? savesAsSent });
  const onSaved = vi.fn();
  render(
    <QueryClientProvider client={createQueryClient()}>
      <RequirementEditor jobId={7} saved={makeRequirements()} isLocked={options.isLocked ?? false} onSaved={onSaved} />
    </QueryClientProvider>,
  );
  return { onSaved, requests: api.requests };
}

const group = (name: RegExp) => screen.getByRole('list', { name });
const chipLabels = (list: HTMLElement) => within(list).queryAllByTestId('chip-label').map((chip) => chip.textContent);
const chip = (id: string) => screen.getAllByTestId('requirement-chip').find((c) => c.dataset.requirementId === id)!;

describe('RequirementEditor', () => {
  it('moves, removes, adds from suggestions, widens a chip, sets years, and saves exactly that shape', async () => {
    const user = userEvent.setup();
    const { onSaved, requests } = await renderEditor();
    expect(chipLabels(group(/Must-haves/))).toEqual(['Python', 'MySQL or PostgreSQL']);
    expect(within(chip('r1')).getByTestId('chip-years')).toHaveTextContent('4+ yrs');
    expect(screen.getByText('Northwind Logistics')).toBeInTheDocument();
    expect(screen.getByText('communication')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Make Python a nice-to-have' }));
    expect(chipLabels(group(/Nice-to-haves/))).toEqual(['Python', 'Kubernetes']);
    expect(chip('r1')).toHaveTextContent('edited');
    // The chip moved to another list; the keyboard stays on it.
    expect(screen.getByRole('button', { name: 'Make Python a must-have' })).toHaveFocus();
    await user.click(screen.getByRole('button', { name: 'Remove Kubernetes' }));
    expect(chipLabels(group(/Nice-to-haves/))).toEqual(['Python']);

    // A skill the vocabulary does not know cannot become a requirement.
    const add = screen.getByRole('combobox', { name: 'Add a requirement' });
    await user.type(add, 'Quuxlang');
    await screen.findByText('No skill Shortlist knows matches “Quuxlang”.');
    await user.click(screen.getByRole('button', { name: 'Add as must-have' }));
    expect(screen.getByText('“Quuxlang” is not a skill Shortlist knows — choose one of the suggestions.')).toBeInTheDocument();
    expect(screen.getAllByTestId('requirement-chip')).toHaveLength(2);

    // By alias: "k8s" offers Kubernetes, and the canonical name is what is added.
    await user.clear(add);
    await user.type(add, 'k8s');
    await screen.findByRole('option', { name: 'Kubernetes' });
    await user.keyboard('{ArrowDown}{Enter}');
    expect(chipLabels(group(/Must-haves/))).toEqual(['MySQL or PostgreSQL', 'Kubernetes']);
    expect(add).toHaveValue('');

    // "Python" becomes "Python or Go", held for at least 3 years.
    await user.click(screen.getByRole('button', { name: 'Edit Python' }));
    const alternative = screen.getByRole('combobox', { name: /Add an alternative to Python/ });
    expect(alternative).toHaveFocus();
    await user.type(alternative, 'golang');
    await user.click(await screen.findByRole('option', { name: 'Go' }));
    const years = screen.getByLabelText('Minimum years with Python or Go');
    await user.clear(years);
    await user.type(years, '3');
    await user.click(screen.getByRole('button', { name: 'Done' }));
    expect(chipLabels(group(/Nice-to-haves/))).toEqual(['Python or Go']);
    expect(within(chip('r1')).getByTestId('chip-years')).toHaveTextContent('3+ yrs');
    expect(screen.getByText('Unsaved changes')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Save & re-score' }));
    await waitFor(() => expect(onSaved).toHaveBeenCalledTimes(1));
    const saved = requests.filter((r) => r.method === 'PATCH');
    expect(saved).toHaveLength(1);
    const original = makeRequirements();
    expect(saved[0]?.body).toEqual({
      requirements: {
        ...original,
        requirements: [
          { ...original.requirements[0], label: 'Python or Go', kind: 'nice', alternatives: ['Python', 'Go'], min_years: 3, source: 'recruiter' },
          original.requirements[1],
          { id: 'r3', label: 'Kubernetes', kind: 'must', alternatives: ['Kubernetes'], min_years: null, source: 'recruiter', jd_snippet: null },
        ],
      },
    });
    // Suggestions were asked for what was typed, never sent as requirements.
    expect(requests.filter((r) => r.path === '/vocabulary/skills').map((r) => r.query.get('q'))).toEqual(
      expect.arrayContaining(['Quuxlang', 'k8s', 'golang']),
    );
  });

  it('shows the server’s refusal on the chip it names and keeps the draft', async () => {
    const user = userEvent.setup();
    const { onSaved } = await renderEditor({
      patch: () => ({
        status: 400,
        body: { ok: false, error: '"PostgreSQL" is not a skill Shortlist knows; pick one from the suggestions', code: 'VALIDATION' },
      }),
    });
    const overall = screen.getByLabelText('Years of experience asked overall');
    await user.clear(overall);
    await user.type(overall, '6');
    await user.click(screen.getByRole('button', { name: 'Save & re-score' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Not saved: "PostgreSQL" is not a skill Shortlist knows');
    expect(chip('r2')).toHaveTextContent('not accepted');
    expect(chip('r2').className).toContain('ring-rose-500');
    expect(chip('r1')).not.toHaveTextContent('not accepted');
    expect(screen.getByText('Unsaved changes')).toBeInTheDocument();
    expect(onSaved).not.toHaveBeenCalled();
  });

  it('is disabled with a reason while resumes are being screened', async () => {
    await renderEditor({ isLocked: true });
    expect(screen.getByText(/You can edit them once screening has finished/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Make Python a nice-to-have' })).toBeDisabled();
    expect(screen.getByRole('combobox', { name: 'Add a requirement' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Save & re-score' })).toBeDisabled();
  });

  it('says to save later when screening started elsewhere (409 CONFLICT)', async () => {
    const user = userEvent.setup();
    await renderEditor({
      patch: () => ({
        status: 409,
        body: { ok: false, error: 'This job is still processing resumes — edit it once processing has finished', code: 'CONFLICT' },
      }),
    });
    await user.click(screen.getByRole('button', { name: 'Remove Kubernetes' }));
    await user.click(screen.getByRole('button', { name: 'Save & re-score' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Your changes are kept here; save them once screening has finished.');
  });
});
