/**
 * The skills vocabulary and its matcher: canonical names with aliases, found as whole words in ONE pass over
 * the text's tokens (a phrase trie), so the cost grows with the text, never with the size of the vocabulary.
 *
 * Entries: the hand-curated skills (vocabulary/curated-skills.ts, marker syntax explained there) first, then
 * the ones generated from O*NET and ESCO (vocabulary/skills.generated.json, scripts/build-vocabulary.ts).
 * Precision guards on top of the markers:
 *   - a company name that is also a product ("Oracle", "Cisco") is not a skill where it names the employer
 *     ("at Oracle", "Oracle India Pvt Ltd", "Oracle, Bangalore · 2015 – 2019");
 *   - a category that heads a list ("Operating Systems: Linux, Windows") is not a skill itself;
 *   - links and e-mail addresses name products ("github.com/jane") without claiming a skill.
 * The vocabulary is built once per process, on first use.
 */
import { CATEGORY_SKILLS, CURATED_SKILLS, EMPLOYER_PRODUCT_NAMES, SOFT_SKILLS } from './vocabulary/curated-skills.js';
import { readSkillsFile } from './vocabulary/load.js';

type Mode = 'any-case' | 'exact-case' | 'list-only';

export type SkillSource = 'curated' | 'onet' | 'esco';

interface AliasMatch {
  canonical: string;
  mode: Mode;
  /** The alias as written, for exact-case comparison. */
  surface: string;
  /** Taxonomy-derived: a marked alias must then be written exactly so ("APIS" the product is not "APIs"). */
  isGenerated: boolean;
  /** An ESCO knowledge area ("Computer science"): in a degree's name it is the degree, not a skill. */
  isKnowledgeArea: boolean;
}

interface TrieNode {
  matches: AliasMatch[];
  children: Map<string, TrieNode>;
}

interface Vocabulary {
  root: TrieNode;
  aliasToCanonical: Map<string, string>;
  sourceOf: Map<string, SkillSource>;
  canonicalNames: string[];
}

// A token is a run of letters/digits (with + and # kept, for C++ and C#), or a dot-led word such as ".NET".
const TOKEN_RE = /(?<![\p{L}\p{N}])\.?[\p{L}\p{N}][\p{L}\p{N}+#]*/gu;
// What may sit between the tokens of one alias: nothing else than these, so "node.js" ≠ "node, js".
const JOINER_RE = /^(?:\s+|[.\-/&]|\s*&\s*)$/;
// A bare "&" is left out: "R&D" is not R in a list.
const LIST_SEPARATOR_RE = /[,;/|():+\n•]|\s&\s/;
const LIST_WORDS = new Set(['and', 'or']);
// Words that stop a match: "(Less than 1 year)" is not the LESS stylesheet language.
const FOLLOWED_BY_VETO: Record<string, RegExp> = { Less: /^\s+than\b/i };
/** How many tokens away an unambiguous skill must be for a `~` alias to count as part of a skills list. */
const LIST_CONTEXT_TOKENS = 6;
// "Oracle 11g", "SQL Server 2016", "Angular 8", "Python 3.10": a version after a name says it is the product.
const VERSION_RE = /^(?:v?\d{1,2}(?:\.\d+)*[a-z]{0,2}|\d{1,2}(?:g|c|i|x)|(?:19|20)\d\d|r\d)$/i;
// What makes a company name the employer rather than the product.
const EMPLOYER_BEFORE = new Set(['at', 'joined', 'join', 'joining', '@']);
const EMPLOYER_LABEL_BEFORE_RE = /\b(?:company|employer|organi[sz]ation|client|firm)\s*[:\-–]\s*$/i;
// A degree's line: "B.Tech Computer Science, IIT Delhi", "Master of Science in Civil Engineering".
const DEGREE_LINE_RE =
  /\b(?:b\.?\s?tech|m\.?\s?tech|b\.\s?e|m\.\s?e|b\.?\s?sc|m\.?\s?sc|bachelor'?s?|master'?s?|degree|diploma|ph\.?\s?d|mba|bca|mca|university|college|graduat\w*)\b/i;
const EMPLOYER_AFTER_RE =
  /^[\s,.]*(?:corporation|corp|inc|incorporated|ltd|limited|llc|plc|pvt|private|gmbh|technologies|systems|india|solutions|financial|labs|global|services|consulting|group|software|america|usa|uk|japan|germany|netherlands|singapore|networks|health|university|co)\b/i;

interface Token {
  text: string;
  lower: string;
  start: number;
  end: number;
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(TOKEN_RE)) {
    tokens.push({ text: m[0], lower: m[0].toLowerCase(), start: m.index, end: m.index + m[0].length });
  }
  return tokens;
}

/** The separator between two tokens as the trie sees it: any whitespace run is one space. */
function joinerKey(between: string): string | null {
  if (between.length === 0) {
    return '';
  }
  if (!JOINER_RE.test(between)) {
    return null;
  }
  return /^\s+$/.test(between) ? ' ' : between.trim();
}

/** The trie keys of an alias, or null when it cannot be written as tokens joined by what the trie allows. */
function aliasKeys(surface: string): { keys: string[]; tokens: Token[] } | null {
  const tokens = tokenize(surface);
  if (tokens.length === 0 || tokens[0]?.start !== 0 || (tokens.at(-1)?.end ?? 0) !== surface.length) {
    return null;
  }
  const keys: string[] = [];
  let prevEnd = 0;
  for (const [i, token] of tokens.entries()) {
    const joiner = i === 0 ? '' : joinerKey(surface.slice(prevEnd, token.start));
    if (joiner === null) {
      return null;
    }
    keys.push(`${joiner}${token.lower}`);
    prevEnd = token.end;
  }
  return { keys, tokens };
}

/** True when the matcher can find `alias` (with or without a ^/~ marker) in text. */
export function isExpressibleAlias(alias: string): boolean {
  return aliasKeys(alias.replace(/^[~^]/, '')) !== null;
}

/** Adds one alias to the trie; false when it cannot be expressed in tokens and joiners. */
function addAlias(vocab: Vocabulary, canonical: string, written: string, source: SkillSource): boolean {
  const mode: Mode = written.startsWith('~') ? 'list-only' : written.startsWith('^') ? 'exact-case' : 'any-case';
  const surface = mode === 'any-case' ? written : written.slice(1);
  const parsed = aliasKeys(surface);
  if (!parsed) {
    return false;
  }
  const { keys, tokens } = parsed;
  let node = vocab.root;
  for (const key of keys) {
    let child = node.children.get(key);
    if (!child) {
      child = { matches: [], children: new Map() };
      node.children.set(key, child);
    }
    node = child;
  }
  // The first entry to claim an alias keeps it: curated entries are added first.
  if (!vocab.aliasToCanonical.has(surface.toLowerCase())) {
    vocab.aliasToCanonical.set(surface.toLowerCase(), canonical);
  }
  if (!node.matches.some((m) => m.canonical === canonical && m.mode === mode)) {
    node.matches.push({
      canonical,
      mode,
      surface: tokens.map((t) => t.text).join(' '),
      isGenerated: source !== 'curated',
      isKnowledgeArea: source === 'esco',
    });
  }
  return true;
}

function addEntry(vocab: Vocabulary, canonical: string, aliases: string[], source: SkillSource): void {
  if (!vocab.sourceOf.has(canonical)) {
    vocab.sourceOf.set(canonical, source);
    vocab.canonicalNames.push(canonical);
  }
  const marked = new Set(aliases.filter((a) => /^[~^]/.test(a)).map((a) => a.slice(1).toLowerCase()));
  const all = marked.has(canonical.toLowerCase()) ? aliases : [canonical, ...aliases];
  for (const alias of new Set(all)) {
    const isAdded = addAlias(vocab, canonical, alias, source);
    if (!isAdded && source === 'curated' && alias !== canonical) {
      throw new Error(`skills vocabulary: alias "${alias}" of ${canonical} has an unsupported separator`);
    }
  }
}

let vocabulary: Vocabulary | undefined;

function vocab(): Vocabulary {
  if (vocabulary) {
    return vocabulary;
  }
  const v: Vocabulary = {
    root: { matches: [], children: new Map() },
    aliasToCanonical: new Map(),
    sourceOf: new Map(),
    canonicalNames: [],
  };
  const generated = readSkillsFile();
  const extraAliases = new Map(generated.curatedAliases.map(([canonical, ...aliases]) => [canonical, aliases]));
  for (const [canonical, ...aliases] of CURATED_SKILLS) {
    addEntry(v, canonical, [...aliases, ...(extraAliases.get(canonical) ?? [])], 'curated');
  }
  for (const [canonical, source, ...aliases] of generated.skills) {
    if (!v.sourceOf.has(canonical)) {
      addEntry(v, canonical, aliases, source);
    }
  }
  vocabulary = v;
  return v;
}

// Links and e-mail addresses name products ("github.com/jane", "jane@python.org") without claiming a skill.
const URL_OR_EMAIL_RE =
  /\bhttps?:\/\/\S+|\bwww\.\S+|\S+@\S+\.\w+|\b(?:linkedin|github|gitlab|bitbucket|twitter|medium|behance|dribbble|kaggle|stackoverflow|leetcode)\.com\S*/gi;

/** One mention of a skill: character offsets into the text that was scanned. */
export interface SkillMention {
  canonical: string;
  start: number;
  end: number;
}

interface Hit extends SkillMention {
  firstToken: number;
  lastToken: number;
  isListOnly: boolean;
  /** A bare company name ("Oracle"): checked for employer context once the line's other skills are known. */
  isEmployerCandidate: boolean;
}

function isListSeparated(text: string, tokens: Token[], first: number, last: number, needsBothSides: boolean): boolean {
  const before = first > 0 ? text.slice((tokens[first - 1] as Token).end, (tokens[first] as Token).start) : '\n';
  const after = last < tokens.length - 1 ? text.slice((tokens[last] as Token).end, (tokens[last + 1] as Token).start) : '\n';
  const prevWord = tokens[first - 1]?.lower;
  const nextWord = tokens[last + 1]?.lower;
  const isSeparatedBefore =
    LIST_SEPARATOR_RE.test(before) || (prevWord !== undefined && LIST_WORDS.has(prevWord) && /^\s+$/.test(before));
  const isSeparatedAfter =
    LIST_SEPARATOR_RE.test(after) || (nextWord !== undefined && LIST_WORDS.has(nextWord) && /^\s+$/.test(after));
  return needsBothSides ? isSeparatedBefore && isSeparatedAfter : isSeparatedBefore || isSeparatedAfter;
}

type Confidence = 'confident' | 'list-only' | 'list-strict';

/**
 * How far a match can be trusted given how it is written. `^Excel` is confident as "Excel" or "EXCEL"
 * (upper-case skill lists are common); in any other case it must sit between list separators on both sides
 * ("excel, powerpoint" but not "excel at" nor "role-based access,"). `~` aliases always need list context;
 * one-letter ones (C, R) must be capitals.
 */
function confidenceOf(match: AliasMatch, tokens: Token[], first: number, last: number): Confidence | null {
  if (match.mode === 'any-case') {
    return 'confident';
  }
  const written = tokens
    .slice(first, last + 1)
    .map((t) => t.text)
    .join(' ');
  // As spelled: exactly, in capitals ("EXCEL"), or with capitals starting the words of a lower-case name
  // ("Family law", "Family Law" for "family law").
  const capitalised = (s: string): string => s.replace(/(^|\s)(\p{Ll})/gu, (_, sp: string, c: string) => sp + c.toUpperCase());
  const isAsSpelled =
    written === match.surface ||
    written === match.surface.toUpperCase() ||
    (match.surface === match.surface.toLowerCase() &&
      (written === capitalised(match.surface) || written === match.surface.replace(/^\p{Ll}/u, (c) => c.toUpperCase())));
  if (isAsSpelled) {
    return match.mode === 'exact-case' ? 'confident' : 'list-only';
  }
  return match.surface.length > 1 && !match.isGenerated ? 'list-strict' : null;
}

function lineAround(text: string, at: number): { start: number; end: number } {
  const start = text.lastIndexOf('\n', at - 1) + 1;
  const newline = text.indexOf('\n', at);
  return { start, end: newline < 0 ? text.length : newline };
}

/**
 * "Oracle" as the employer: "at Oracle", "Company: Oracle", "Oracle India Pvt Ltd", "Team Member - Cisco" (a
 * title, then the company, ending the line), or the name alone before a separator with dates on its line or
 * the next few ("Oracle -" / "June 2011 to Present"), with no other skill on the line.
 */
function isEmployerMention(text: string, tokens: Token[], index: number, hasOtherSkillOnLine: () => boolean): boolean {
  const token = tokens[index] as Token;
  const prev = tokens[index - 1];
  const gapBefore = prev ? text.slice(prev.end, token.start) : '';
  if (prev && EMPLOYER_BEFORE.has(prev.lower) && /^\s+$/.test(gapBefore)) {
    return true;
  }
  const line = lineAround(text, token.start);
  if (EMPLOYER_LABEL_BEFORE_RE.test(text.slice(Math.max(line.start, token.start - 40), token.start))) {
    return true;
  }
  const after = text.slice(token.end, Math.min(line.end, token.end + 40));
  if (EMPLOYER_AFTER_RE.test(after)) {
    return true;
  }
  if (hasOtherSkillOnLine()) {
    return false;
  }
  const endsLine = /^[\s,.]*$/.test(after);
  if (prev && /^\s*[-–—|@]\s*$/.test(gapBefore) && endsLine && prev.start >= line.start) {
    return true;
  }
  const nextLines = text.slice(line.start, Math.min(text.length, line.end + 120)).split('\n').slice(0, 4).join('\n');
  return /^\s*[,|–—(-]/.test(after) && /\b(?:19|20)\d\d\b/.test(nextLines);
}

function scan(rawText: string): Hit[] {
  const { root } = vocab();
  const text = rawText.replace(URL_OR_EMAIL_RE, (m) => ' '.repeat(m.length));
  const tokens = tokenize(text);
  const hits: Hit[] = [];
  let i = 0;
  while (i < tokens.length) {
    let node = root.children.get((tokens[i] as Token).lower);
    let best: { match: AliasMatch; last: number; confidence: Confidence } | null = null;
    let j = i;
    while (node) {
      for (const match of node.matches) {
        const confidence = confidenceOf(match, tokens, i, j);
        if (confidence && (best === null || best.last < j || (confidence === 'confident' && best.confidence !== 'confident'))) {
          best = { match, last: j, confidence };
        }
      }
      const next = tokens[j + 1];
      if (!next) {
        break;
      }
      const joiner = joinerKey(text.slice((tokens[j] as Token).end, next.start));
      if (joiner === null) {
        break;
      }
      node = node.children.get(`${joiner}${next.lower}`);
      j++;
    }
    if (!best) {
      i++;
      continue;
    }
    let last = best.last;
    const versionToken = tokens[last + 1];
    const isVersioned =
      versionToken !== undefined &&
      VERSION_RE.test(versionToken.text) &&
      /^[ -]?$/.test(text.slice((tokens[last] as Token).end, versionToken.start)) &&
      // "Oracle 2015 – 2019" is a date range after an employer, not a version.
      !/^\s*[-–—]\s*(?:(?:19|20)\d\d|present|current|now)/i.test(text.slice(versionToken.end, versionToken.end + 12));
    if (isVersioned) {
      last += 1;
    }
    const matchEnd = (tokens[best.last] as Token).end;
    const textAfter = text.slice(matchEnd, matchEnd + 12);
    const isLabel = CATEGORY_SKILLS.has(best.match.canonical) && /^\s*:/.test(textAfter);
    const isVetoed = FOLLOWED_BY_VETO[best.match.canonical]?.test(textAfter) ?? false;
    const isListOnly = best.confidence !== 'confident';
    if (best.match.isKnowledgeArea) {
      const line = lineAround(text, (tokens[i] as Token).start);
      if (DEGREE_LINE_RE.test(text.slice(line.start, line.end))) {
        i = last + 1;
        continue;
      }
    }
    if (!isLabel && !isVetoed && (!isListOnly || isListSeparated(text, tokens, i, best.last, best.confidence === 'list-strict'))) {
      hits.push({
        canonical: best.match.canonical,
        start: (tokens[i] as Token).start,
        end: (tokens[last] as Token).end,
        firstToken: i,
        lastToken: last,
        isListOnly,
        isEmployerCandidate: !isVersioned && i === best.last && EMPLOYER_PRODUCT_NAMES.has((tokens[i] as Token).lower),
      });
    }
    i = last + 1;
  }
  return filterContext(text, tokens, hits);
}

/**
 * Context checks that need the neighbouring hits: an ambiguous word counts only beside a skill that needs no
 * such help ("Go, Python", not "Go, team"), and a company name is dropped where it names the employer. Linear:
 * each hit looks only at the hits within a few tokens of it.
 */
function filterContext(text: string, tokens: Token[], hits: Hit[]): Hit[] {
  const hasOtherSkillOnLine = (hitIndex: number): boolean => {
    const hit = hits[hitIndex] as Hit;
    const line = lineAround(text, hit.start);
    for (const step of [-1, 1]) {
      for (let k = hitIndex + step; k >= 0 && k < hits.length; k += step) {
        const other = hits[k] as Hit;
        if (other.start < line.start || other.start >= line.end) {
          break;
        }
        if (other.canonical !== hit.canonical) {
          return true;
        }
      }
    }
    return false;
  };
  const isNearConfident = (hitIndex: number): boolean => {
    const hit = hits[hitIndex] as Hit;
    const window = LIST_CONTEXT_TOKENS + (hit.lastToken - hit.firstToken);
    for (const step of [-1, 1]) {
      for (let k = hitIndex + step; k >= 0 && k < hits.length; k += step) {
        const other = hits[k] as Hit;
        if (Math.abs(other.firstToken - hit.firstToken) > window) {
          break;
        }
        if (!other.isListOnly && other.canonical !== hit.canonical) {
          return true;
        }
      }
    }
    return false;
  };
  return hits.filter((hit, k) => {
    if (hit.isListOnly && !isNearConfident(k)) {
      return false;
    }
    return !(hit.isEmployerCandidate && isEmployerMention(text, tokens, hit.firstToken, () => hasOtherSkillOnLine(k)));
  });
}

/** Every skill mention in `text`, in order, with character offsets (for evidence snippets). */
export function findSkillMentions(text: string): SkillMention[] {
  return scan(text).map(({ canonical, start, end }) => ({ canonical, start, end }));
}

/** Canonical skills mentioned in `text`, in order of first mention. */
export function findSkills(text: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const hit of scan(text)) {
    if (!seen.has(hit.canonical)) {
      seen.add(hit.canonical);
      out.push(hit.canonical);
    }
  }
  return out;
}

export function isSoftSkill(canonical: string): boolean {
  return SOFT_SKILLS.has(canonical);
}

const VERSION_SUFFIX_RE = /\s*(?:v(?:ersion)?\s*)?\d+(?:\.\d+)*\+?(?:\.x)?[a-z]?$/i;

/** The canonical name for a skill as someone wrote it (`k8s` → `Kubernetes`), or null if unknown. */
export function canonicalizeSkill(raw: string): string | null {
  const { aliasToCanonical, sourceOf } = vocab();
  const trimmed = raw.trim().replace(/\s+/g, ' ');
  const key = trimmed.toLowerCase();
  if (key.length === 0) {
    return null;
  }
  if (sourceOf.has(trimmed)) {
    return trimmed;
  }
  const direct = aliasToCanonical.get(key);
  if (direct) {
    return direct;
  }
  // "Python 3.11", "Angular 15", "Oracle 10g": the version does not change the skill.
  const unversioned = key.replace(VERSION_SUFFIX_RE, '').replace(/\s+\d{1,2}[gci]$/, '');
  if (unversioned !== key && unversioned.length > 0) {
    const found = aliasToCanonical.get(unversioned);
    if (found) {
      return found;
    }
  }
  // "Amazon Web Services (AWS)": either the name or the bracketed abbreviation.
  const paren = /^(.+?)\s*\(([^)]+)\)$/.exec(key);
  if (paren) {
    return aliasToCanonical.get((paren[1] ?? '').trim()) ?? aliasToCanonical.get((paren[2] ?? '').trim()) ?? null;
  }
  return null;
}

/** Every canonical skill name: curated ones first (in their order), then the generated ones. */
export function allCanonicalSkills(): string[] {
  return [...vocab().canonicalNames];
}

/** Where a canonical skill comes from, or null if it is not in the vocabulary. */
export function skillSource(canonical: string): SkillSource | null {
  return vocab().sourceOf.get(canonical) ?? null;
}

/**
 * Skills whose name or an alias starts with (then contains) `query`, curated ones first: for a requirement
 * editor's autocomplete. At most `limit` canonical names.
 */
export function searchSkills(query: string, limit = 10): string[] {
  const q = query.trim().toLowerCase();
  if (q.length === 0) {
    return [];
  }
  const { aliasToCanonical, sourceOf } = vocab();
  const ranked = new Map<string, number>();
  for (const [alias, canonical] of aliasToCanonical) {
    const at = alias.indexOf(q);
    if (at < 0) {
      continue;
    }
    const rank = (alias === q ? 0 : at === 0 ? 1 : 2) * 2 + (sourceOf.get(canonical) === 'curated' ? 0 : 1);
    ranked.set(canonical, Math.min(ranked.get(canonical) ?? Infinity, rank));
  }
  return [...ranked]
    .sort((a, b) => a[1] - b[1] || a[0].length - b[0].length || a[0].localeCompare(b[0]))
    .slice(0, limit)
    .map(([name]) => name);
}
