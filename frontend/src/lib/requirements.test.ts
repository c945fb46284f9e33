import { jobRequirementsSchema } from '@shortlist/contracts';
import { describe, expect, it } from 'vitest';
import { makeRequirements } from '../test/factories';
import {
  addAlternative,
  addRequirement,
  isChanged,
  nextRequirementId,
  parseYears,
  removeAlternative,
  removeRequirement,
  requirementsNamedIn,
  setKind,
  setMinYears,
} from './requirements';

describe('requirement edits', () => {
  it('moves a must-have to the nice-to-haves and marks it as the recruiter’s', () => {
    const { requirements, error } = setKind(makeRequirements(), 'r1', 'nice');
    expect(error).toBeNull();
    expect(requirements.requirements.find((r) => r.id === 'r1')).toMatchObject({ kind: 'nice', source: 'recruiter', jd_snippet: '- 4+ years of Python' });
    expect(requirements.requirements.find((r) => r.id === 'r2')).toMatchObject({ kind: 'must', source: 'jd' });
  });

  it('adds a skill as a new chip with the next free id, and refuses one already required', () => {
    const added = addRequirement(makeRequirements(), 'Docker', 'must');
    expect(added.error).toBeNull();
    expect(added.requirements.requirements.at(-1)).toEqual({
      id: 'r4',
      label: 'Docker',
      kind: 'must',
      alternatives: ['Docker'],
      min_years: null,
      source: 'recruiter',
      jd_snippet: null,
    });
    const twice = addRequirement(added.requirements, 'postgresql', 'nice');
    expect(twice.error).toBe('postgresql is already a requirement (“MySQL or PostgreSQL”).');
    expect(twice.requirements).toBe(added.requirements);
  });

  it('turns "A" into "A or B" and back, never leaving a chip without a skill', () => {
    const widened = addAlternative(makeRequirements(), 'r1', 'Go');
    expect(widened.requirements.requirements[0]).toMatchObject({ label: 'Python or Go', alternatives: ['Python', 'Go'] });
    expect(addAlternative(widened.requirements, 'r1', 'Go').error).toBe('Go is already one of its alternatives.');
    expect(addAlternative(widened.requirements, 'r1', 'Kubernetes').error).toMatch(/already a requirement/);
    const narrowed = removeAlternative(widened.requirements, 'r1', 'Python');
    expect(narrowed.requirements.requirements[0]).toMatchObject({ label: 'Go', alternatives: ['Go'] });
    expect(removeAlternative(narrowed.requirements, 'r1', 'Go').error).toMatch(/at least one skill/);
  });

  it('keeps every edit inside the contract the server parses', () => {
    let draft = makeRequirements();
    draft = removeRequirement(draft, 'r3').requirements;
    draft = setMinYears(draft, 'r2', 2.5).requirements;
    draft = addRequirement(draft, 'Terraform', 'nice').requirements;
    expect(jobRequirementsSchema.parse(draft)).toEqual(draft);
    expect(draft.requirements.map((r) => [r.id, r.label, r.kind, r.min_years])).toEqual([
      ['r1', 'Python', 'must', 4],
      ['r2', 'MySQL or PostgreSQL', 'must', 2.5],
      ['r3', 'Terraform', 'nice', null],
    ]);
    expect(isChanged(makeRequirements(), draft)).toBe(true);
    expect(isChanged(makeRequirements(), makeRequirements())).toBe(false);
  });

  it('numbers a new chip past ids the recruiter already used', () => {
    const requirements = makeRequirements();
    expect(nextRequirementId({ ...requirements, requirements: [...requirements.requirements, { ...requirements.requirements[0]!, id: 'r9' }] })).toBe('r10');
  });

  it('reads years as blank (no minimum) or 0–50', () => {
    expect(parseYears('')).toEqual({ years: null, error: null });
    expect(parseYears(' 3.5 ')).toEqual({ years: 3.5, error: null });
    expect(parseYears('51').error).toMatch(/0 to 50/);
    expect(parseYears('-1').error).toMatch(/0 to 50/);
  });

  it('finds the chips a VALIDATION message names', () => {
    const requirements = makeRequirements();
    expect(requirementsNamedIn(requirements, '"PostgreSQL" is not a skill Shortlist knows; pick one from the suggestions')).toEqual(['r2']);
    expect(requirementsNamedIn(requirements, 'Nothing to update')).toEqual([]);
  });
});
