import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { makeCandidate } from '../test/factories';
import { CandidateTable } from './CandidateTable';

function rowNames(): string[] {
  return screen
    .getAllByTestId('candidate-row')
    .map((row) => within(row).getAllByRole('cell')[1]?.textContent ?? '');
}

describe('CandidateTable', () => {
  const candidates = [
    makeCandidate({ name: 'Mid Match', match_score: 72.4 }),
    makeCandidate({ name: 'Top Match', match_score: 93.1, status: 'shortlisted' }),
    makeCandidate({ name: 'Unscored', match_score: null }),
    makeCandidate({ name: 'Exactly Threshold', match_score: 85, status: 'shortlisted' }),
    makeCandidate({ name: 'Low Match', match_score: 12 }),
  ];

  it('lists candidates by match score, highest first, with unscored ones last', () => {
    render(<CandidateTable candidates={candidates} threshold={85} />);
    expect(rowNames().map((text) => text.replace(/(Engineer|resume-\d+\.pdf)$/, ''))).toEqual([
      'Top Match',
      'Exactly Threshold',
      'Mid Match',
      'Low Match',
      'Unscored',
    ]);
    expect(screen.getAllByTestId('match-score').map((cell) => cell.textContent)).toEqual([
      '93 %',
      '85 %',
      '72 %',
      '12 %',
      '—',
    ]);
    expect(screen.getByRole('columnheader', { name: /match%/i })).toHaveAttribute('aria-sort', 'descending');
  });

  it('highlights exactly the rows at or above the threshold', () => {
    render(<CandidateTable candidates={candidates} threshold={85} />);
    const rows = screen.getAllByTestId('candidate-row');
    expect(rows.map((row) => row.getAttribute('data-above-threshold'))).toEqual([
      'true',
      'true',
      'false',
      'false',
      'false',
    ]);
    expect(rows[0]).toHaveClass('bg-emerald-50');
    expect(rows[2]).not.toHaveClass('bg-emerald-50');
  });

  it('moves the highlight when the threshold changes', () => {
    const { rerender } = render(<CandidateTable candidates={candidates} threshold={85} />);
    rerender(<CandidateTable candidates={candidates} threshold={70} />);
    const highlighted = screen
      .getAllByTestId('candidate-row')
      .filter((row) => row.dataset.aboveThreshold === 'true');
    expect(highlighted).toHaveLength(3);
  });

  it('re-sorts ascending when the Match% header is activated', async () => {
    const user = userEvent.setup();
    render(<CandidateTable candidates={candidates} threshold={85} />);
    await user.click(screen.getByRole('button', { name: /match%/i }));
    expect(screen.getAllByTestId('match-score').map((cell) => cell.textContent)).toEqual([
      '—',
      '12 %',
      '72 %',
      '85 %',
      '93 %',
    ]);
  });

  it('expands a row from the keyboard to show skills, score parts and extractor, and overrides the status', async () => {
    const user = userEvent.setup();
    const onStatusChange = vi.fn(() => Promise.resolve());
    const candidate = makeCandidate({
      name: 'Ada Lovelace',
      match_score: 91,
      skill_score: 88,
      experience_score: 100,
      semantic_score: 64,
      matched_skills: ['Python', 'SQL'],
      missing_skills: ['Go'],
      extractor: 'groq',
      status: 'shortlisted',
    });
    render(<CandidateTable candidates={[candidate]} threshold={85} onStatusChange={onStatusChange} />);
    const toggle = screen.getByRole('button', { name: 'Show details for Ada Lovelace' });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    toggle.focus();
    await user.keyboard('{Enter}');
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    const detail = document.getElementById(toggle.getAttribute('aria-controls') ?? '');
    expect(detail).not.toBeNull();
    const panel = within(detail as HTMLElement);
    expect(panel.getByText('✓ Python')).toBeInTheDocument();
    expect(panel.getByText('✗ Go')).toBeInTheDocument();
    expect(panel.getByText('88 %')).toBeInTheDocument();
    expect(panel.getByText('100 %')).toBeInTheDocument();
    expect(panel.getByText('64 %')).toBeInTheDocument();
    expect(panel.getByText('Groq LLM')).toBeInTheDocument();
    await user.click(panel.getByRole('button', { name: 'Reject' }));
    expect(onStatusChange).toHaveBeenCalledWith(candidate, 'rejected');
  });
});
