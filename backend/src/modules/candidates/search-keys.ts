/** What the list searches for a candidate; kept in two parts so blind review can leave the identity out. */
export function searchTexts(c: {
  name: string | null;
  email: string | null;
  file_name: string;
  current_title: string | null;
  skills: string[];
}): { search_text: string; identity_text: string } {
  return {
    search_text: [c.current_title ?? '', ...c.skills].join(' | ').toLowerCase(),
    identity_text: [c.name ?? '', c.email ?? '', c.file_name].join(' | ').toLowerCase(),
  };
}

/**
 * Skills as the skill filters match them: `skill` lower-case and trimmed (at most 100 characters), unique per
 * candidate; `label` as the resume wrote it first, for display.
 */
export function skillKeys(skills: string[]): Array<{ skill: string; label: string }> {
  const byKey = new Map<string, string>();
  for (const raw of skills) {
    const label = raw.trim().slice(0, 100);
    const skill = label.toLowerCase();
    if (skill !== '' && !byKey.has(skill)) {
      byKey.set(skill, label);
    }
  }
  return [...byKey].map(([skill, label]) => ({ skill, label }));
}

/** A LIKE pattern that finds `text` anywhere, with LIKE's wildcards in it taken literally (escape `!`). */
export function containsPattern(text: string): string {
  return `%${text.toLowerCase().replace(/[!%_]/g, (ch) => `!${ch}`)}%`;
}
