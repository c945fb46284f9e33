import { QueryClientProvider } from '@tanstack/react-query';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router-dom';
import { describe, expect, it, vi } from 'vitest';
import { createQueryClient } from '../../api/queries';
import { makeCandidate } from '../../test/factories';
import { CandidateTable } from './CandidateTable';

function renderTable(overrides: Partial<Parameters<typeof CandidateTable>[0]> = {}) {
  const props: Parameters<typeof CandidateTable>[0] = {
    jobId: 1,
    candidates: [],
    threshold: 85,
    sort: { sort: 'match', order: 'desc' },
    onSort: vi.fn(),
    selected: new Set(),
    onToggleSelected: vi.fn(),
    onToggleAll: vi.fn(),
    expanded: new Set(),
    onToggleExpanded: vi.fn(),
    isBusy: false,
    ...overrides,
  };
  render(
    <MemoryRouter>
      <QueryClientProvider client={createQueryClient()}>
        <CandidateTable {...props} />
      </QueryClientProvider>
    </MemoryRouter>,
  );
  return props;
}

describe('CandidateTable', () => {
  it('tints rows by the decision, not the score: a rejected 100 % candidate is not green', () => {
    renderTable({
      candidates: [
        makeCandidate({ id: 1, name: 'Rejected Top', match_score: 100, status: 'shortlisted', stage: 'rejected' }),
        makeCandidate({ id: 2, name: 'Chosen', match_score: 60, stage: 'shortlisted' }),
      ],
    });
    const [rejected, chosen] = screen.getAllByTestId('candidate-row');
    expect(rejected?.className).not.toContain('emerald');
    expect(rejected?.dataset.aboveThreshold).toBe('true');
    expect(chosen?.className).toContain('bg-emerald-50');
    expect(within(rejected!).getByText('Rejected')).toBeInTheDocument();
    expect(within(rejected!).getByText('Recommended')).toBeInTheDocument();
  });

  it('shows a hidden candidate by number only, and formats phone numbers', () => {
    renderTable({
      candidates: [
        makeCandidate({ id: 41, name: null, email: null, phone: null, is_identity_hidden: true }),
        makeCandidate({ id: 42, name: 'Shown Person', phone: '+442079460958' }),
      ],
    });
    expect(screen.getByText('Candidate #41')).toBeInTheDocument();
    expect(screen.getByText('+44 20 7946 0958')).toBeInTheDocument();
  });

  it('asks the server for a sort and reports selections', async () => {
    const props = renderTable({ candidates: [makeCandidate({ id: 7, name: 'Pick Me' })] });
    await userEvent.click(screen.getByRole('button', { name: /^Name/ }));
    expect(props.onSort).toHaveBeenCalledWith('name');
    await userEvent.click(screen.getByRole('checkbox', { name: 'Select Pick Me' }));
    expect(props.onToggleSelected).toHaveBeenCalledWith(7);
    await userEvent.click(screen.getByRole('checkbox', { name: 'Select every candidate on this page' }));
    expect(props.onToggleAll).toHaveBeenCalledWith(true);
    expect(screen.getByRole('columnheader', { name: /Match%/ })).toHaveAttribute('aria-sort', 'descending');
  });

  it('flags a possible duplicate with its reason, names a hidden original by number only, and takes you to its row', async () => {
    renderTable({
      candidates: [
        makeCandidate({ id: 41, name: 'Secret Person', email: null, is_identity_hidden: true }),
        makeCandidate({ id: 42, name: null, is_identity_hidden: true, duplicate_of: 41, duplicate_reason: 'same e-mail address' }),
        makeCandidate({ id: 43, name: 'Dana Diaz', duplicate_of: 7, duplicate_reason: 'nearly the same resume (92% of its text in common)' }),
      ],
    });
    const [original, again, other] = screen.getAllByTestId('candidate-row') as [HTMLElement, HTMLElement, HTMLElement];
    expect(within(original).queryByTestId('duplicate-badge')).toBeNull();
    expect(within(again).getByTestId('duplicate-badge')).toHaveTextContent('Possible duplicate of Candidate #41 · same e-mail address');
    expect(screen.queryByText(/Secret Person/)).toBeNull();
    await userEvent.click(within(again).getByRole('button', { name: 'Go to the row of Candidate #41' }));
    expect(within(original).getByRole('button', { name: 'Show details for Candidate #41' })).toHaveFocus();
    // The earlier candidate is on another page: open both side by side instead.
    expect(within(other).getByRole('link', { name: 'Compare with Candidate #7' })).toHaveAttribute('href', '/jobs/1/compare?ids=7,43');
    expect(within(other).getByTestId('duplicate-badge')).toHaveTextContent('nearly the same resume (92% of its text in common)');
  });

  it('marks a row that shows the same Match % as the row above, and says why it is listed second', async () => {
    const candidates = [
      makeCandidate({ id: 1, match_score: 84.4, fine_score: 84.4302 }),
      makeCandidate({ id: 2, match_score: 83.6, fine_score: 83.6011 }),
      makeCandidate({ id: 3, match_score: 80.2, fine_score: 80.2 }),
    ];
    renderTable({ candidates });
    const rows = screen.getAllByTestId('candidate-row');
    expect(rows.map((row) => within(row).queryByTestId('tie-note') !== null)).toEqual([false, true, false]);
    await userEvent.click(within(rows[1]!).getByTestId('tie-note'));
    expect(within(rows[1]!).getByTestId('tie-reason')).toHaveTextContent(
      'Both show 84 %; before rounding the row above scores 84.4 % and this one 83.6 %.',
    );
    await userEvent.keyboard('{Escape}');
    expect(screen.queryByTestId('tie-reason')).toBeNull();
  });

  it('shows no ties outside the score order', () => {
    renderTable({
      candidates: [makeCandidate({ match_score: 84.4 }), makeCandidate({ match_score: 83.6 })],
      sort: { sort: 'name', order: 'asc' },
    });
    expect(screen.queryByTestId('tie-note')).toBeNull();
  });
});
