import type { JobRequirements, Requirement, RequirementKind } from '@shortlist/contracts';

/**
 * Edits of a job's requirement chips, as pure functions over `JobRequirements` (the shape `PATCH /jobs/{id}`
 * takes back). Each returns the new requirements, or an `error` a recruiter can read and the requirements
 * unchanged. Limits mirror the contract's, so a draft the editor builds always passes its schema.
 */
export type EditResult = { requirements: JobRequirements; error: null } | { requirements: JobRequirements; error: string };

const MAX_REQUIREMENTS = 60;
const MAX_ALTERNATIVES = 12;
const MAX_LABEL_CHARS = 160;
export const MAX_REQUIREMENT_YEARS = 50;

const ok = (requirements: JobRequirements): EditResult => ({ requirements, error: null });
const refused = (requirements: JobRequirements, error: string): EditResult => ({ requirements, error });

/** What a chip says: its alternatives, "A or B". */
export const labelOf = (alternatives: readonly string[]): string => alternatives.join(' or ');

export const KIND_LABELS: Record<RequirementKind, { one: string; many: string }> = {
  must: { one: 'must-have', many: 'Must-haves' },
  nice: { one: 'nice-to-have', many: 'Nice-to-haves' },
};

/** The requirement that already names `skill` (case-insensitive), if any. */
export function requirementNaming(requirements: JobRequirements, skill: string): Requirement | undefined {
  const wanted = skill.toLowerCase();
  return requirements.requirements.find((r) => r.alternatives.some((a) => a.toLowerCase() === wanted));
}

function change(requirements: JobRequirements, id: string, edit: (r: Requirement) => Requirement): JobRequirements {
  return {
    ...requirements,
    // A chip the recruiter touched is theirs now; its JD words stay as the tooltip of where it came from.
    requirements: requirements.requirements.map((r) => (r.id === id ? { ...edit(r), source: 'recruiter' } : r)),
  };
}

/** Ids stay stable for chips that already exist ("r1", "r2", …); a new chip takes the next free number. */
export function nextRequirementId(requirements: JobRequirements): string {
  const taken = new Set(requirements.requirements.map((r) => r.id));
  const numbers = requirements.requirements.map((r) => Number(/^r(\d+)$/.exec(r.id)?.[1] ?? 0));
  let next = Math.max(0, ...numbers) + 1;
  while (taken.has(`r${next}`)) {
    next += 1;
  }
  return `r${next}`;
}

export function setKind(requirements: JobRequirements, id: string, kind: RequirementKind): EditResult {
  return ok(change(requirements, id, (r) => ({ ...r, kind })));
}

export function removeRequirement(requirements: JobRequirements, id: string): EditResult {
  return ok({ ...requirements, requirements: requirements.requirements.filter((r) => r.id !== id) });
}

/** Adds `skill` (a canonical name from the vocabulary's suggestions) as a chip of its own. */
export function addRequirement(requirements: JobRequirements, skill: string, kind: RequirementKind): EditResult {
  const existing = requirementNaming(requirements, skill);
  if (existing) {
    return refused(requirements, `${skill} is already a requirement (“${existing.label}”).`);
  }
  if (requirements.requirements.length >= MAX_REQUIREMENTS) {
    return refused(requirements, `A job can have at most ${MAX_REQUIREMENTS} requirements.`);
  }
  const added: Requirement = {
    id: nextRequirementId(requirements),
    label: skill,
    kind,
    alternatives: [skill],
    min_years: null,
    source: 'recruiter',
    jd_snippet: null,
  };
  return ok({ ...requirements, requirements: [...requirements.requirements, added] });
}

/** "A" becomes "A or B": either skill meets the requirement. */
export function addAlternative(requirements: JobRequirements, id: string, skill: string): EditResult {
  const target = requirements.requirements.find((r) => r.id === id);
  if (!target) {
    return refused(requirements, 'That requirement is gone.');
  }
  const existing = requirementNaming(requirements, skill);
  if (existing) {
    return refused(
      requirements,
      existing.id === id ? `${skill} is already one of its alternatives.` : `${skill} is already a requirement (“${existing.label}”).`,
    );
  }
  const alternatives = [...target.alternatives, skill];
  if (alternatives.length > MAX_ALTERNATIVES || labelOf(alternatives).length > MAX_LABEL_CHARS) {
    return refused(requirements, 'That requirement has as many alternatives as it can hold.');
  }
  return ok(change(requirements, id, (r) => ({ ...r, alternatives, label: labelOf(alternatives) })));
}

export function removeAlternative(requirements: JobRequirements, id: string, skill: string): EditResult {
  const target = requirements.requirements.find((r) => r.id === id);
  if (!target || !target.alternatives.includes(skill)) {
    return ok(requirements);
  }
  if (target.alternatives.length === 1) {
    return refused(requirements, 'A requirement needs at least one skill; remove the requirement instead.');
  }
  const alternatives = target.alternatives.filter((a) => a !== skill);
  return ok(change(requirements, id, (r) => ({ ...r, alternatives, label: labelOf(alternatives) })));
}

/** Parses a years field: blank is "no minimum", anything else must be 0–50. */
export function parseYears(text: string): { years: number | null; error: string | null } {
  const trimmed = text.trim();
  if (trimmed === '') {
    return { years: null, error: null };
  }
  const years = Number(trimmed);
  if (!Number.isFinite(years) || years < 0 || years > MAX_REQUIREMENT_YEARS) {
    return { years: null, error: `Years must be a number from 0 to ${MAX_REQUIREMENT_YEARS}, or blank for none.` };
  }
  return { years, error: null };
}

export function setMinYears(requirements: JobRequirements, id: string, years: number | null): EditResult {
  return ok(change(requirements, id, (r) => ({ ...r, min_years: years })));
}

export function setOverallYears(requirements: JobRequirements, years: number | null): EditResult {
  return ok({ ...requirements, min_years_overall: years });
}

/** True when the draft differs from what the server holds (the order of chips counts: it is the JD's order). */
export function isChanged(saved: JobRequirements, draft: JobRequirements): boolean {
  return JSON.stringify(saved) !== JSON.stringify(draft);
}

/**
 * The requirements a server message names: a VALIDATION answer quotes each unknown skill ("“Quuxlang” is not a
 * skill Shortlist knows"), so the editor can mark those chips.
 */
export function requirementsNamedIn(requirements: JobRequirements, message: string): string[] {
  const quoted = [...message.matchAll(/["“]([^"”]+)["”]/g)].map((m) => (m[1] ?? '').toLowerCase());
  return requirements.requirements
    .filter((r) => r.alternatives.some((a) => quoted.includes(a.toLowerCase())) || quoted.includes(r.label.toLowerCase()))
    .map((r) => r.id);
}
