import type { Candidate, ScoreExplanation } from '@shortlist/contracts';
import { QueryClientProvider } from '@tanstack/react-query';
import { render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';
import { afterEach, describe, expect, it } from 'vitest';
import { createQueryClient } from '../../api/queries';
import { startFakeApi } from '../../test/fake-api';
import { makeCandidate, makeExplanation } from '../../test/factories';
import { CandidateDetail } from './CandidateDetail';

let api: Awaited<ReturnType<typeof startFakeApi>> | null = null;
afterEach(async () => {
  await api?.close();
  api = null;
});

async function renderDetail(
  candidate: Candidate,
  explanation: ScoreExplanation | null,
  below?: { candidate: Candidate; explanation: ScoreExplanation | null },
) {
  const detail = (c: Candidate, e: ScoreExplanation | null) => () => ({ body: { ok: true, candidate: c, history: [], explanation: e } });
  api = await startFakeApi({
    [`GET /jobs/1/candidates/${candidate.id}`]: detail(candidate, explanation),
    ...(below ? { [`GET /jobs/1/candidates/${below.candidate.id}`]: detail(below.candidate, below.explanation) } : {}),
  });
  render(
    <MemoryRouter>
      <QueryClientProvider client={createQueryClient()}>
        <CandidateDetail jobId={1} candidate={candidate} ranking={below ? { rank: 3, below: below.candidate } : undefined} />
      </QueryClientProvider>
    </MemoryRouter>,
  );
}

describe('CandidateDetail: evidence for every score', () => {
  it('quotes the resume line for each requirement, years held against asked, and how the parts add up', async () => {
    const explanation = makeExplanation();
    await renderDetail(makeCandidate({ id: 11, match_score: 84.5 }), explanation);

    const outcomes = await screen.findAllByTestId('requirement-outcome');
    expect(outcomes.map((o) => [o.dataset.requirement, o.dataset.met])).toEqual([
      ['Python', 'true'],
      ['MySQL or PostgreSQL', 'true'],
      ['Kubernetes', 'false'],
    ]);
    const [python, database, kubernetes] = outcomes as [HTMLElement, HTMLElement, HTMLElement];
    expect(within(python).getByTestId('requirement-evidence')).toHaveTextContent(
      'The resume says: “Built Python services on PostgreSQL, shipped with Docker.”',
    );
    expect(python).toHaveTextContent('Partly met: Python');
    expect(python).toHaveTextContent('3 yrs held · asks 4+');
    expect(python).toHaveTextContent('(75 % credit)');
    expect(database).toHaveTextContent('as PostgreSQL');
    expect(within(database).getByTestId('requirement-evidence')).toHaveTextContent('“Led the migration from MySQL to PostgreSQL.”');
    expect(kubernetes).toHaveTextContent('Not met: Kubernetes');
    expect(kubernetes).toHaveTextContent('Not found in the resume.');
    expect(within(kubernetes).queryByTestId('requirement-evidence')).toBeNull();

    // The points shown add up to the Match % shown, although rounding each exact point alone gives 84.6.
    const shownPoints = screen.getAllByTestId('part-points').map((cell) => Number(cell.textContent));
    explanation.parts.forEach((part, i) => expect(Math.abs((shownPoints[i] ?? -1) - part.points)).toBeLessThanOrEqual(0.05 + 1e-9));
    expect(shownPoints.reduce((sum, p) => sum + p, 0).toFixed(1)).toBe(screen.getByTestId('points-total').textContent);
    expect(screen.getByTestId('points-total')).toHaveTextContent('84.5');
    const occupation = screen.getAllByTestId('score-part').find((row) => row.dataset.part === 'occupation')!;
    expect(within(occupation).getAllByRole('cell').map((c) => c.textContent)).toEqual(['100.0 %', '0.40', '40.0']);
    expect(screen.getByTestId('score-arithmetic')).toHaveTextContent(explanation.arithmetic);
    expect(screen.getByTestId('occupation-fit')).toHaveTextContent(
      'Same occupation — the job is read as Software Developers; this resume as Software Developers.',
    );
  });

  it('says why it ranks above the next row, naming a hidden candidate only by number', async () => {
    const upper = makeExplanation();
    const lower = makeExplanation({
      match_score: 70.5,
      fine_score: 70.50021,
      parts: upper.parts.map((p) => (p.key === 'requirements' ? { ...p, value: 35, points: 12.25, detail: '1 of 4 must-haves met' } : p)),
    });
    await renderDetail(makeCandidate({ id: 11, match_score: 84.5 }), upper, {
      candidate: makeCandidate({ id: 12, name: null, is_identity_hidden: true, match_score: 70.5 }),
      explanation: lower,
    });
    expect(await screen.findByTestId('rank-note')).toHaveTextContent(
      '#3, above #4 (Candidate #12), because: Must-have requirements: 3 of 4 must-haves met vs 1 of 4 must-haves met (+14.0 points).',
    );
  });

  it('shows how the file was read and a possible duplicate', async () => {
    await renderDetail(
      makeCandidate({
        id: 11,
        processing_notes: ['Only the first 30 of 3,000 pages were read.'],
        duplicate_of: 4,
        duplicate_reason: 'same e-mail address',
      }),
      makeExplanation(),
    );
    expect(await screen.findByTestId('processing-notes')).toHaveTextContent('Only the first 30 of 3,000 pages were read.');
    expect(screen.getByTestId('duplicate-badge')).toHaveTextContent('Possible duplicate of Candidate #4 · same e-mail address');
    expect(screen.getByRole('link', { name: 'Compare the two side by side' })).toHaveAttribute('href', '/jobs/1/compare?ids=4,11');
  });

  it('falls back to the stored part scores for a candidate scored before explanations existed', async () => {
    await renderDetail(makeCandidate({ id: 11, skill_score: 60, matched_skills: ['TypeScript'], missing_skills: ['Kubernetes'] }), null);
    expect(await screen.findByText('Skill coverage')).toBeInTheDocument();
    expect(screen.getByText('60 %')).toBeInTheDocument();
    expect(screen.getByRole('list', { name: 'Required skills' })).toHaveTextContent('Missing Kubernetes');
    expect(screen.queryByTestId('score-parts')).toBeNull();
    expect(screen.queryByTestId('requirement-evidence')).toBeNull();
  });
});
