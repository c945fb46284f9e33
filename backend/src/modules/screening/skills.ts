/**
 * Skills taxonomy: canonical names with aliases, matched as whole words.
 * PLACEHOLDER SIZE — the extraction helper grows this list; the API below is stable.
 */
const TAXONOMY: Record<string, string[]> = {
  JavaScript: ['javascript', 'js', 'ecmascript'],
  TypeScript: ['typescript', 'ts'],
  Kubernetes: ['kubernetes', 'k8s'],
  PostgreSQL: ['postgresql', 'postgres', 'psql'],
  Python: ['python'],
  React: ['react', 'react.js', 'reactjs'],
  'Node.js': ['node.js', 'nodejs', 'node'],
};

interface Matcher {
  canonical: string;
  pattern: RegExp;
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const MATCHERS: Matcher[] = Object.entries(TAXONOMY).map(([canonical, aliases]) => ({
  canonical,
  pattern: new RegExp(`(?<![\\w+#.-])(?:${aliases.map(escape).join('|')})(?![\\w+#]|\\.\\w)`, 'i'),
}));

const ALIAS_TO_CANONICAL = new Map<string, string>(
  Object.entries(TAXONOMY).flatMap(([canonical, aliases]) =>
    [canonical, ...aliases].map((a) => [a.toLowerCase(), canonical] as const),
  ),
);

/** Canonical skills mentioned in `text`, in order of first mention. */
export function findSkills(text: string): string[] {
  const found: Array<{ canonical: string; index: number }> = [];
  for (const { canonical, pattern } of MATCHERS) {
    const m = pattern.exec(text);
    if (m) {
      found.push({ canonical, index: m.index });
    }
  }
  return found.sort((a, b) => a.index - b.index).map((f) => f.canonical);
}

/** The canonical name for a skill as someone wrote it (`k8s` → `Kubernetes`), or null if unknown. */
export function canonicalizeSkill(raw: string): string | null {
  return ALIAS_TO_CANONICAL.get(raw.trim().toLowerCase()) ?? null;
}
