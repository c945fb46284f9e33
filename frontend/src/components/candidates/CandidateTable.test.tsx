import { QueryClientProvider } from '@tanstack/react-query';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
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
    <QueryClientProvider client={createQueryClient()}>
      <CandidateTable {...props} />
    </QueryClientProvider>,
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
});
