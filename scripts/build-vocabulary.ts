/**
 * npm run build:vocabulary
 *
 * Builds the screening vocabulary that ships in the repo (backend/src/modules/screening/vocabulary/*.json)
 * from the public taxonomies in ../shared/data/taxonomies (or SHORTLIST_DATA_DIR/taxonomies):
 *   - skills.generated.json: O*NET 29.2 technology products and ESCO skill/knowledge labels as skills with
 *     aliases, merged onto the hand-curated skills (vocabulary/curated-skills.ts) wherever they name the same
 *     thing, with case/list markers where a name is also an ordinary word.
 *   - occupations.json: O*NET occupations with their titles (O*NET alternate and reported titles plus ESCO
 *     occupation labels mapped onto them), related occupations, ISCO groups and a term profile (titles, tasks,
 *     technologies, description) for recognising what a resume or JD is about.
 * The app never reads ../shared; only this script and the eval scripts do. Licences and attribution:
 * vocabulary/NOTICE.md. Run it again after changing curated-skills.ts or the filters below.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isExpressibleAlias } from '../backend/src/modules/screening/skills';
import { CURATED_SKILLS } from '../backend/src/modules/screening/vocabulary/curated-skills';
import { lexicalTerms } from '../backend/src/modules/screening/lexical';
import { profileTerms, titleKey, titleWords } from '../backend/src/modules/screening/vocabulary/normalize';
import { parseCsv } from './lib/csv';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DATA = path.resolve(ROOT, process.env['SHORTLIST_DATA_DIR'] ?? '../shared/data');
const TAXONOMIES = path.join(DATA, 'taxonomies');
const ONET = path.join(TAXONOMIES, 'onet-29.2');
const ESCO = path.join(TAXONOMIES, 'esco');
const OUT = path.join(ROOT, 'backend', 'src', 'modules', 'screening', 'vocabulary');

/** Terms kept per occupation profile: enough to recognise it, small enough to ship. */
const PROFILE_TERMS = 64;
/** Occupations kept per title key (a title like "manager" maps to many; the tail adds nothing). */
const MAX_CODES_PER_TITLE = 6;

function readTsv(file: string): Array<Record<string, string>> {
  const [header, ...lines] = fs.readFileSync(file, 'utf8').split(/\r?\n/);
  const columns = (header ?? '').split('\t');
  return lines
    .filter((l) => l.length > 0)
    .map((line) => {
      const cells = line.split('\t');
      return Object.fromEntries(columns.map((c, i) => [c, cells[i] ?? '']));
    });
}

function readCsv(file: string): Array<Record<string, string>> {
  return parseCsv(fs.readFileSync(file, 'utf8'));
}

const lines = (field: string): string[] =>
  field
    .split(/\r?\n| \| /)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);

// ---------------------------------------------------------------------------------------------- plain English

/**
 * Words the taxonomies' own prose uses in lower case (tasks, descriptions, competence labels): a product whose
 * whole name is such a word ("Project", "Notes", "Teams") must not match in running text.
 */
function commonWords(): Set<string> {
  const prose: string[] = [];
  for (const r of readTsv(path.join(ONET, 'Task Statements.txt'))) {
    prose.push(r['Task'] ?? '');
  }
  for (const r of readTsv(path.join(ONET, 'Occupation Data.txt'))) {
    prose.push(r['Description'] ?? '');
  }
  for (const r of readCsv(path.join(ESCO, 'occupations_en.csv'))) {
    prose.push(r['description'] ?? '');
  }
  for (const r of readCsv(path.join(ESCO, 'ISCOGroups_en.csv'))) {
    prose.push(r['description'] ?? '');
  }
  for (const r of readCsv(path.join(ESCO, 'skills_en.csv'))) {
    prose.push(r['preferredLabel'] ?? '');
  }
  const counts = new Map<string, number>();
  for (const text of prose) {
    for (const m of text.matchAll(/(?<![\w.])[a-z][a-z]+(?![\w])/g)) {
      counts.set(m[0], (counts.get(m[0]) ?? 0) + 1);
    }
  }
  return new Set([...counts].filter(([, n]) => n >= 2).map(([w]) => w));
}

/** First words of O*NET task statements: the verbs that start a competence ("prepare", "monitor"). */
function competenceVerbs(): Set<string> {
  const counts = new Map<string, number>();
  for (const r of readTsv(path.join(ONET, 'Task Statements.txt'))) {
    const first = (r['Task'] ?? '').split(/\s+/)[0]?.toLowerCase().replace(/[^a-z-]/g, '') ?? '';
    counts.set(first, (counts.get(first) ?? 0) + 1);
  }
  return new Set([...counts].filter(([w, n]) => n >= 2 && w.length > 1).map(([w]) => w));
}

// ---------------------------------------------------------------------------------------------- skills

interface GeneratedSkill {
  canonical: string;
  source: 'onet' | 'esco';
  aliases: Set<string>;
}

const curatedByAlias = new Map<string, string>();
for (const [canonical, ...aliases] of CURATED_SKILLS) {
  for (const alias of [canonical, ...aliases]) {
    curatedByAlias.set(alias.replace(/^[~^]/, '').toLowerCase(), canonical);
  }
}

/** How an alias may match: any case, exact case (`^`), or only in a list of skills (`~`); null to drop it. */
function markAlias(name: string, common: Set<string>, source: 'onet' | 'esco'): string | null {
  const words = name.split(/\s+/);
  // "AutoCAD", "log4j", "C++": spellings no sentence uses. "OASIS", "SUTRA": upper case, but also words.
  const isCoined = (w: string): boolean => /\d|[+#./]/.test(w) || /[a-z][A-Z]/.test(w);
  const isUpper = (w: string): boolean => w.length > 1 && w === w.toUpperCase() && /[A-Z]/.test(w);
  if (name.length < 2) {
    return null;
  }
  // A number alone ("360", "2000") is a year, a phone fragment or a quantity in a resume, never a skill.
  if (/^[\d\s.,/-]+$/.test(name)) {
    return null;
  }
  if (words.length === 1) {
    const word = words[0] ?? '';
    if (word.length <= 2) {
      return null;
    }
    if (isCoined(word)) {
      return word.length <= 3 ? `^${word}` : word.toLowerCase();
    }
    if (isUpper(word)) {
      // An upper-case word ("LEAD", "ARTS") is still a word; a short acronym ("CPT", "NAT") means many things and
      // counts only in a list of skills.
      return common.has(word.toLowerCase()) ? null : word.length <= 3 ? `~${word}` : `^${word}`;
    }
    if (source === 'esco' && /^[a-z]/.test(word)) {
      // ESCO labels are lower case; a rare word ("geotechnics") is safe in any case, a common one is not a skill.
      return common.has(word.toLowerCase()) ? null : word.toLowerCase();
    }
    // A capitalised product name that is also a word ("Bamboo", "Storm") needs a skills list around it.
    return common.has(word.toLowerCase()) ? `~${word}` : `^${word}`;
  }
  const hasRareWord = words.some((w) => isCoined(w) || isUpper(w) || !common.has(w.toLowerCase()));
  return hasRareWord ? name.toLowerCase() : `^${name}`;
}

/** Curated aliases that need no marker: safe to merge a product onto (a marked one is ambiguous by nature). */
const curatedPlainAlias = new Map<string, string>();
for (const [canonical, ...aliases] of CURATED_SKILLS) {
  const marked = new Set(aliases.filter((a) => /^[~^]/.test(a)).map((a) => a.slice(1).toLowerCase()));
  for (const alias of [canonical, ...aliases]) {
    if (!/^[~^]/.test(alias) && !marked.has(alias.toLowerCase())) {
      curatedPlainAlias.set(alias.toLowerCase(), canonical);
    }
  }
}

// Acronyms a product description can spell that mean something else in the curated list ("Pathogen Modeling
// Program PMP" is not the project-management certificate).
const AMBIGUOUS_ACRONYMS = new Set(['PMP', 'WMS']);

// ESCO knowledge areas worth a keyword: named by their discipline ("civil engineering", "geotechnics").
const KNOWLEDGE_HEAD =
  /(?:ology|ologies|onomy|ometry|graphy|istry|ics|engineering|science|sciences|law|legislation|analysis|analytics|design|management|accounting|surveying|marketing|planning|modelling|modeling|programming|statistics|mathematics|logistics|auditing|taxation|nursing|pharmacology|architecture)$/i;

function buildSkills(common: Set<string>, verbs: Set<string>): {
  generated: GeneratedSkill[];
  merged: Map<string, Set<string>>;
  /** O*NET product name → the canonical skill it became (curated or generated). */
  productSkill: Map<string, string>;
  stats: Record<string, number>;
} {
  const generated = new Map<string, GeneratedSkill>();
  const productSkill = new Map<string, string>();
  const merged = new Map<string, Set<string>>();
  const claimed = new Map(curatedByAlias);
  const stats = { onetProducts: 0, onetMerged: 0, onetNew: 0, onetSkipped: 0, escoLabels: 0, escoMerged: 0, escoNew: 0 };

  const addToCurated = (canonical: string, aliases: string[]): void => {
    const set = merged.get(canonical) ?? new Set<string>();
    for (const a of aliases) {
      const key = a.replace(/^[~^]/, '').toLowerCase();
      if (!claimed.has(key)) {
        claimed.set(key, canonical);
        set.add(a);
      }
    }
    if (set.size > 0) {
      merged.set(canonical, set);
    }
  };

  // O*NET products: vendors are first words that start three or more product names ("Microsoft", "Apache").
  const products = new Map<string, { hot: boolean }>();
  for (const r of readTsv(path.join(ONET, 'Technology Skills.txt'))) {
    const name = (r['Example'] ?? '').trim().replace(/\s+/g, ' ');
    const entry = products.get(name) ?? { hot: false };
    entry.hot ||= r['Hot Technology'] === 'Y';
    products.set(name, entry);
  }
  const vendorCounts = new Map<string, number>();
  for (const name of products.keys()) {
    const words = name.split(' ');
    if (/^[A-Z]/.test(words[0] ?? '') && words.length > 1) {
      vendorCounts.set(words[0] ?? '', (vendorCounts.get(words[0] ?? '') ?? 0) + 1);
    }
    if (/^[A-Z]/.test(words[1] ?? '') && words.length > 2) {
      const two = `${words[0]} ${words[1]}`;
      vendorCounts.set(two, (vendorCounts.get(two) ?? 0) + 1);
    }
  }
  const isVendor = (w: string): boolean => (vendorCounts.get(w) ?? 0) >= 3 && !common.has(w.toLowerCase());

  for (const name of products.keys()) {
    stats.onetProducts++;
    // "Web browser software", "Email software": a kind of software, not a product.
    const base = name
      .replace(/\s*\(([A-Z][A-Za-z0-9]{1,9})\)\s*$/, ' $1')
      .replace(/\s+software$/i, '')
      .trim();
    const isKindOfSoftware = /\bsoftware$/i.test(name) && !/\S\s*[A-Z0-9]/.test(base.slice(1));
    if (base.length < 2 || isKindOfSoftware) {
      stats.onetSkipped++;
      continue;
    }
    const aliases = new Set<string>([base]);
    // "Structured query language SQL": the expansion and the acronym. The expansion only when the initials
    // agree ("Apache Subversion SVN" is not "Apache Subversion" = SVN's expansion, but both name it).
    const acronymMatch = /^(.*\S)\s+([A-Z][A-Z0-9]{1,7})$/.exec(base);
    let acronym: string | null = null;
    let expansion: string | null = null;
    if (acronymMatch) {
      acronym = acronymMatch[2] ?? null;
      const initials = titleWords(acronymMatch[1] ?? '')
        .map((w) => w[0] ?? '')
        .join('')
        .toUpperCase();
      if (acronym && initials.endsWith(acronym)) {
        expansion = acronymMatch[1] ?? null;
        aliases.add(expansion ?? '');
      }
      if (acronym) {
        aliases.add(acronym);
      }
    }
    const words = base.split(' ');
    let stripped: string | null = null;
    // "The MathWorks MATLAB", "Wind River VxWorks", "Dassault Systemes CATIA": two-word vendors first.
    if (words.length > 2 && (vendorCounts.get(`${words[0]} ${words[1]}`) ?? 0) >= 3) {
      stripped = words.slice(2).join(' ');
    } else if (words.length > 1 && isVendor(words[0] ?? '')) {
      stripped = words.slice(1).join(' ');
    }
    // Onto a curated skill only through an unambiguous name: the full name, the expansion, or a vendor-less
    // name of two words or of a word prose does not use ("Oracle Java" → Java, but "Adobe Analytics" stays a
    // product of its own). Never through an acronym alone: "Pathogen Modeling Program PMP" is not PMP.
    const isSafeKey = (a: string | null): a is string =>
      a !== null && (a.includes(' ') || /\d|[+#./]|[a-z][A-Z]/.test(a) || (a.length >= 3 && !common.has(a.toLowerCase())));
    // "Hypertext markup language HTML": a described acronym is the curated acronym when the description is
    // generic words (not a product name: "Windent SQL") whose letters spell it in order.
    const describes = (description: string, letters: string): boolean => {
      const ws = description.split(' ');
      const isPlainWord = (w: string): boolean => /^[A-Za-z][a-z]*(?:-[a-z]+)*$/.test(w) || /^(?:and|for|of|the|to|\/)$/.test(w);
      let at = 0;
      for (const ch of description.toLowerCase()) {
        at += Number(ch === letters[at]?.toLowerCase());
      }
      return (
        ws.length >= 2 &&
        ws.every(isPlainWord) &&
        at === letters.length &&
        (ws[0] ?? '').toLowerCase().includes((letters[0] ?? '-').toLowerCase())
      );
    };
    const described =
      acronymMatch && acronym && !AMBIGUOUS_ACRONYMS.has(acronym) && describes(acronymMatch[1] ?? '', acronym)
        ? curatedPlainAlias.get(acronym.toLowerCase())
        : undefined;
    const curated =
      curatedPlainAlias.get(base.toLowerCase()) ??
      (expansion ? curatedPlainAlias.get(expansion.toLowerCase()) : undefined) ??
      (isSafeKey(stripped) ? curatedPlainAlias.get(stripped.toLowerCase()) : undefined) ??
      described ??
      null;
    if (curated) {
      // The curated entry decides the bare forms; the product adds its full names only.
      const description = described ? (acronymMatch?.[1] ?? null) : expansion;
      addToCurated(curated, [base, ...(description ? [description] : [])].filter((a) => a.includes(' ')).map((a) => a.toLowerCase()));
      productSkill.set(name, curated);
      stats.onetMerged++;
      continue;
    }
    // "Oracle Forms" → not "Forms", "Fleet management systems" → not "management systems": a vendor-less name
    // made only of ordinary words stays out.
    if (stripped && !stripped.split(' ').every((w) => common.has(w.toLowerCase()))) {
      aliases.add(stripped);
    }
    const marked = [...aliases]
      .map((a) => markAlias(a, common, 'onet'))
      .filter((a): a is string => a !== null && isExpressibleAlias(a));
    const fresh = marked.filter((a) => !claimed.has(a.replace(/^[~^]/, '').toLowerCase()));
    // The display name must itself be findable and not another skill's alias ("Act!" cannot be matched).
    if (fresh.length === 0 || !isExpressibleAlias(base) || claimed.has(base.toLowerCase())) {
      const owner = claimed.get(base.toLowerCase());
      if (owner) {
        productSkill.set(name, owner);
      }
      stats.onetSkipped++;
      continue;
    }
    productSkill.set(name, base);
    for (const a of fresh) {
      claimed.set(a.replace(/^[~^]/, '').toLowerCase(), base);
    }
    generated.set(base, { canonical: base, source: 'onet', aliases: new Set(fresh) });
    stats.onetNew++;
  }

  // ESCO labels. This mirror's skills_en.csv has its altLabels column shuffled between rows; each label set
  // still contains its own concept's preferred label, which is how a set is paired back with its concept.
  const escoRows = readCsv(path.join(ESCO, 'skills_en.csv'));
  const preferredIndex = new Map<string, number>();
  escoRows.forEach((r, i) => preferredIndex.set((r['preferredLabel'] ?? '').toLowerCase(), i));
  const altsOf = new Map<number, string[]>();
  for (const r of escoRows) {
    const labels = lines(r['altLabels'] ?? '');
    const owners = new Set(labels.map((l) => preferredIndex.get(l.toLowerCase())).filter((i): i is number => i !== undefined));
    if (owners.size === 1) {
      altsOf.set([...owners][0] ?? -1, labels);
    }
  }
  const languageLabels = new Set<string>();
  for (const r of readCsv(path.join(ESCO, 'languageSkillsCollection_en.csv'))) {
    for (const l of [r['preferredLabel'] ?? '', ...lines(r['altLabels'] ?? '')]) {
      languageLabels.add(l.toLowerCase());
    }
  }
  const ictUris = new Set(readCsv(path.join(ESCO, 'ictSkillsCollection_en.csv')).map((r) => r['conceptUri'] ?? ''));
  escoRows.forEach((r, i) => {
    // Transversal concepts are attitudes and general abilities ("show initiative"): not what a resume lists.
    if (r['reuseLevel'] === 'transversal' && !ictUris.has(r['conceptUri'] ?? '')) {
      return;
    }
    const preferred = (r['preferredLabel'] ?? '').trim();
    const labels = [preferred, ...(altsOf.get(i) ?? [])];
    const keep: string[] = [];
    for (const raw of labels) {
      stats.escoLabels++;
      // "Java (computer programming)": the name before the bracketed domain.
      const label = raw.replace(/\s*\((?:computer programming|[^)]*software[^)]*)\)\s*$/i, '').trim();
      const words = label.split(/\s+/);
      if (words.length === 0 || words.length > 3 || /[(),]/.test(label) || languageLabels.has(label.toLowerCase())) {
        continue;
      }
      // "prepare reports", "rebuff tyre": competences are written as verbs and are not resume keywords; what a
      // resume lists is a discipline ("civil engineering") or a named technology ("SAP R3", "Hadoop").
      const firstWord = (words[0] ?? '').toLowerCase();
      const isVerb =
        verbs.has(firstWord) ||
        verbs.has(firstWord.replace(/e?s$/, '')) ||
        (words.length > 1 && /ing$/.test(firstWord)) ||
        verbs.has(firstWord.replace(/is(e|es|ing)$/, 'iz$1').replace(/ys(e|es|ing)$/, 'yz$1').replace(/ing$/, 'e')) ||
        /^(?:competent|understand|undertake|achieve|teach|teaches|rig|write|speak|read|comprehend|introduce|utilise|enact)$/.test(firstWord);
      if (isVerb) {
        continue;
      }
      // Synonyms share a word with the concept's name; ESCO also lists narrower things under a concept
      // ("computer programming": Dylan, Curl, Hack), which are not the same skill.
      const preferredWords = new Set(titleWords(preferred).filter((w) => w.length > 3));
      if (label !== preferred && !titleWords(label).some((w) => preferredWords.has(w))) {
        continue;
      }
      const isNamedTechnology = words.some((w) => /\d|[+#]|[A-Z]/.test(w));
      if (!isNamedTechnology && !KNOWLEDGE_HEAD.test(words[words.length - 1] ?? '')) {
        continue;
      }
      keep.push(label);
    }
    // Each label on its own: ESCO groups products under one concept ("spreadsheet software"), so a label that
    // names a curated skill says nothing about its siblings.
    const fresh = keep
      .filter((a) => !curatedByAlias.has(a.toLowerCase()))
      .map((a) => markAlias(a, common, 'esco'))
      .filter((a): a is string => a !== null && isExpressibleAlias(a) && !claimed.has(a.replace(/^[~^]/, '').toLowerCase()));
    if (keep.some((a) => curatedByAlias.has(a.toLowerCase()))) {
      stats.escoMerged++;
    }
    if (fresh.length === 0) {
      return;
    }
    const first = fresh[0]?.replace(/^[~^]/, '') ?? preferred;
    const source = keep.find((a) => a.toLowerCase() === first.toLowerCase()) ?? first;
    // ESCO's labels are lower-case phrases; the display name gets a capital ("Civil engineering").
    const display = /^[a-z]/.test(source) ? source.replace(/^./, (c) => c.toUpperCase()) : source;
    if (generated.has(display) || !isExpressibleAlias(display) || claimed.has(display.toLowerCase())) {
      return;
    }
    for (const a of fresh) {
      claimed.set(a.replace(/^[~^]/, '').toLowerCase(), display);
    }
    generated.set(display, { canonical: display, source: 'esco', aliases: new Set(fresh) });
    stats.escoNew++;
  });

  return { generated: [...generated.values()], merged, productSkill, stats };
}

// ---------------------------------------------------------------------------------------------- occupations

interface Occupation {
  code: string;
  title: string;
  zone: number | null;
  related: Array<[code: string, tier: number]>;
  isco: Set<string>;
  /** What the job does and is called: tasks, description, titles (not product names: see `skills`). */
  profileText: string[];
  /** Canonical skills of its O*NET technology products; true for O*NET "hot technologies". */
  skills: Map<string, boolean>;
}

function splitTitleVariants(raw: string): string[] {
  // "Human Resources Manager (HR Manager)", "ETL Developer (Extract, Transform and Load Developer)".
  const out = [raw.replace(/\s*\([^)]*\)\s*/g, ' ').trim()];
  for (const m of raw.matchAll(/\(([^)]{2,60})\)/g)) {
    out.push((m[1] ?? '').trim());
  }
  return out.filter((t) => t.length >= 2);
}

function buildOccupations(productSkill: Map<string, string>): {
  occupations: Occupation[];
  titles: Map<string, Map<string, number>>;
  stats: Record<string, number>;
} {
  const occupations = new Map<string, Occupation>();
  for (const r of readTsv(path.join(ONET, 'Occupation Data.txt'))) {
    const code = r['O*NET-SOC Code'] ?? '';
    occupations.set(code, {
      code,
      title: r['Title'] ?? '',
      zone: null,
      related: [],
      isco: new Set(),
      profileText: [r['Title'] ?? '', r['Title'] ?? '', r['Title'] ?? '', r['Description'] ?? ''],
      skills: new Map(),
    });
  }
  for (const r of readTsv(path.join(ONET, 'Job Zones.txt'))) {
    const occ = occupations.get(r['O*NET-SOC Code'] ?? '');
    if (occ) {
      occ.zone = Number(r['Job Zone']) || null;
    }
  }
  const TIERS: Record<string, number> = { 'Primary-Short': 1, 'Primary-Long': 2, Supplemental: 3 };
  for (const r of readTsv(path.join(ONET, 'Related Occupations.txt'))) {
    const occ = occupations.get(r['O*NET-SOC Code'] ?? '');
    const tier = TIERS[r['Relatedness Tier'] ?? ''];
    if (occ && tier && occupations.has(r['Related O*NET-SOC Code'] ?? '')) {
      occ.related.push([r['Related O*NET-SOC Code'] ?? '', tier]);
    }
  }
  for (const r of readTsv(path.join(ONET, 'Task Statements.txt'))) {
    occupations.get(r['O*NET-SOC Code'] ?? '')?.profileText.push(r['Task'] ?? '');
  }
  for (const r of readTsv(path.join(ONET, 'Technology Skills.txt'))) {
    const skill = productSkill.get((r['Example'] ?? '').trim().replace(/\s+/g, ' '));
    const occ = occupations.get(r['O*NET-SOC Code'] ?? '');
    if (skill && occ) {
      occ.skills.set(skill, (occ.skills.get(skill) ?? false) || r['Hot Technology'] === 'Y');
    }
  }

  // title key → code → weight: the occupation's own title 3, titles incumbents reported 2, alternates 1.
  const titles = new Map<string, Map<string, number>>();
  const addTitle = (raw: string, code: string, weight: number): void => {
    for (const variant of splitTitleVariants(raw)) {
      const key = titleKey(variant);
      if (key.length < 2 || key.split(' ').length > 7) {
        continue;
      }
      const byCode = titles.get(key) ?? new Map<string, number>();
      byCode.set(code, Math.max(byCode.get(code) ?? 0, weight));
      titles.set(key, byCode);
    }
  };
  for (const occ of occupations.values()) {
    // O*NET titles are plural groups ("Software Developers"); the key is singular. "X and Y Managers" also
    // reads as "X Manager" and "Y Manager".
    addTitle(occ.title, occ.code, 3);
    const group = /^(.+?)(?:,| and) (.+?) (\w+)$/.exec(occ.title);
    if (group && !occ.title.includes(',')) {
      addTitle(`${group[1]} ${group[3]}`, occ.code, 2);
      addTitle(`${group[2]} ${group[3]}`, occ.code, 2);
    }
  }
  for (const r of readTsv(path.join(ONET, 'Sample of Reported Titles.txt'))) {
    const code = r['O*NET-SOC Code'] ?? '';
    if (occupations.has(code)) {
      addTitle(r['Reported Job Title'] ?? '', code, 2);
      occupations.get(code)?.profileText.push(r['Reported Job Title'] ?? '');
    }
  }
  for (const r of readTsv(path.join(ONET, 'Alternate Titles.txt'))) {
    const code = r['O*NET-SOC Code'] ?? '';
    if (occupations.has(code)) {
      addTitle(r['Alternate Title'] ?? '', code, 1);
      if ((r['Short Title'] ?? 'n/a') !== 'n/a') {
        addTitle(r['Short Title'] ?? '', code, 1);
      }
    }
  }

  // ESCO occupations onto O*NET ones: each ESCO label that is already an O*NET title votes for its
  // occupations; the winner takes the ESCO labels as extra titles and the ESCO ISCO group.
  const onetTitleCount = titles.size;
  let escoMapped = 0;
  let escoTitlesAdded = 0;
  const escoRows = readCsv(path.join(ESCO, 'occupations_en.csv'));
  for (const r of escoRows) {
    const preferred = r['preferredLabel'] ?? '';
    const labels = [preferred, ...lines(r['altLabels'] ?? '')];
    const votes = new Map<string, number>();
    for (const label of labels) {
      const byCode = titles.get(titleKey(label));
      if (!byCode) {
        continue;
      }
      const total = [...byCode.values()].reduce((a, b) => a + b, 0);
      for (const [code, w] of byCode) {
        votes.set(code, (votes.get(code) ?? 0) + ((label === preferred ? 3 : 1) * w) / total);
      }
    }
    const best = [...votes].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0];
    if (!best || best[1] < 1) {
      continue;
    }
    escoMapped++;
    const occ = occupations.get(best[0]);
    const isco = (r['iscoGroup'] ?? '').trim();
    if (occ && /^\d{4}$/.test(isco)) {
      occ.isco.add(isco);
    }
    for (const label of labels) {
      if (!titles.has(titleKey(label))) {
        escoTitlesAdded++;
      }
      addTitle(label, best[0], 1);
    }
  }
  return {
    occupations: [...occupations.values()],
    titles,
    stats: { onetTitleKeys: onetTitleCount, escoOccupations: escoRows.length, escoMapped, escoTitlesAdded, titleKeys: titles.size },
  };
}

/** TF-IDF over occupations, top terms per occupation, unit length: what "a text about this job" contains. */
function buildProfiles(occupations: Occupation[]): { terms: string[]; idf: number[]; profiles: number[][] } {
  const tfs = occupations.map((occ) => {
    const tf = new Map<string, number>();
    for (const term of profileTerms(occ.profileText.join('\n'))) {
      tf.set(term, (tf.get(term) ?? 0) + 1);
    }
    return tf;
  });
  const df = new Map<string, number>();
  for (const tf of tfs) {
    for (const term of tf.keys()) {
      df.set(term, (df.get(term) ?? 0) + 1);
    }
  }
  const n = occupations.length;
  // A term of one occupation only is mostly a proper name from its titles; it rarely appears in a resume.
  const idfOf = (term: string): number => ((df.get(term) ?? 0) < 2 ? 0 : Math.log(n / (df.get(term) ?? n)));
  const termIndex = new Map<string, number>();
  const terms: string[] = [];
  const profiles = tfs.map((tf) => {
    const weighted = [...tf]
      .map(([term, count]) => [term, (1 + Math.log(count)) * idfOf(term)] as const)
      .filter(([, w]) => w > 0)
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, PROFILE_TERMS);
    const norm = Math.sqrt(weighted.reduce((s, [, w]) => s + w * w, 0)) || 1;
    const flat: number[] = [];
    for (const [term, w] of weighted) {
      let idx = termIndex.get(term);
      if (idx === undefined) {
        idx = terms.length;
        termIndex.set(term, idx);
        terms.push(term);
      }
      flat.push(idx, Math.round((w / norm) * 1000) / 1000);
    }
    return flat;
  });
  return { terms, idf: terms.map((t) => Math.round(idfOf(t) * 1000) / 1000), profiles };
}

// ---------------------------------------------------------------------------------------------- term weights

/**
 * How much a word says about a job, for the lexical similarity fallback (lexical.ts): an IDF over the O*NET
 * occupations, each one document of its title, description, tasks, alternate and reported titles and
 * technology products. "manage" and "team" are in hundreds of them, "hadoop" and "surveying" in a few. Stored
 * as sqrt(idf / max idf) in 0..1; a word no occupation uses (a name, a place, a typo) is not in the table and
 * counts for nothing.
 */
function buildTermWeights(): { terms: string[]; weights: number[]; documents: number } {
  const docs = new Map<string, string[]>();
  const add = (code: string, text: string): void => {
    const list = docs.get(code) ?? [];
    list.push(text);
    docs.set(code, list);
  };
  for (const r of readTsv(path.join(ONET, 'Occupation Data.txt'))) {
    add(r['O*NET-SOC Code'] ?? '', `${r['Title'] ?? ''}\n${r['Description'] ?? ''}`);
  }
  for (const r of readTsv(path.join(ONET, 'Task Statements.txt'))) {
    add(r['O*NET-SOC Code'] ?? '', r['Task'] ?? '');
  }
  for (const r of readTsv(path.join(ONET, 'Alternate Titles.txt'))) {
    add(r['O*NET-SOC Code'] ?? '', r['Alternate Title'] ?? '');
  }
  for (const r of readTsv(path.join(ONET, 'Sample of Reported Titles.txt'))) {
    add(r['O*NET-SOC Code'] ?? '', r['Reported Job Title'] ?? '');
  }
  for (const r of readTsv(path.join(ONET, 'Technology Skills.txt'))) {
    add(r['O*NET-SOC Code'] ?? '', `${r['Example'] ?? ''}\n${r['Commodity Title'] ?? ''}`);
  }
  const df = new Map<string, number>();
  for (const texts of docs.values()) {
    for (const term of new Set(lexicalTerms(texts.join('\n')))) {
      df.set(term, (df.get(term) ?? 0) + 1);
    }
  }
  const n = docs.size;
  const terms = [...df.keys()].sort();
  const weights = terms.map((t) => Math.round(Math.sqrt(Math.log(n / (df.get(t) ?? n)) / Math.log(n)) * 1000) / 1000);
  return { terms, weights, documents: n };
}

// ---------------------------------------------------------------------------------------------- main

function main(): void {
  if (!fs.existsSync(ONET) || !fs.existsSync(ESCO)) {
    console.error(
      `No taxonomies at ${TAXONOMIES} (set SHORTLIST_DATA_DIR to the folder holding taxonomies/). ` +
        'Nothing was rebuilt; the committed vocabulary files are unchanged.',
    );
    process.exitCode = 1;
    return;
  }
  const common = commonWords();
  const verbs = competenceVerbs();
  const skills = buildSkills(common, verbs);
  const occ = buildOccupations(skills.productSkill);
  const profiles = buildProfiles(occ.occupations);
  const codeIndex = new Map(occ.occupations.map((o, i) => [o.code, i]));
  const skillNames = [...new Set(occ.occupations.flatMap((o) => [...o.skills.keys()]))].sort();
  const skillIndex = new Map(skillNames.map((s, i) => [s, i]));

  const skillsFile = {
    about:
      'Generated by scripts/build-vocabulary.ts from O*NET 29.2 (CC BY 4.0) and ESCO (European Commission); modified: ' +
      'filtered, de-duplicated and merged onto the curated skills. See NOTICE.md.',
    // [canonical, source, ...aliases with ^/~ markers]
    skills: skills.generated
      .sort((a, b) => a.canonical.localeCompare(b.canonical))
      .map((s) => [s.canonical, s.source, ...[...s.aliases].sort()]),
    // [curated canonical, ...extra aliases]
    curatedAliases: [...skills.merged]
      .sort((a, b) => a[0].localeCompare(b[0]))
      .map(([canonical, aliases]) => [canonical, ...[...aliases].sort()]),
  };
  const occupationsFile = {
    about:
      'Generated by scripts/build-vocabulary.ts from O*NET 29.2 (CC BY 4.0) and ESCO occupations (European Commission); ' +
      'modified: titles normalised, ESCO occupations mapped onto O*NET codes by shared titles, profiles reduced to ' +
      `${PROFILE_TERMS} TF-IDF terms. See NOTICE.md.`,
    // [code, title, job zone, [relatedIndex, tier, ...], [isco...], [termIndex, weight, ...], [skillIndex, hot, ...]]
    occupations: occ.occupations.map((o, i) => [
      o.code,
      o.title,
      o.zone,
      o.related.flatMap(([code, tier]) => [codeIndex.get(code) ?? -1, tier]),
      [...o.isco].sort(),
      profiles.profiles[i] ?? [],
      [...o.skills].sort((a, b) => a[0].localeCompare(b[0])).flatMap(([skill, hot]) => [skillIndex.get(skill) ?? -1, hot ? 1 : 0]),
    ]),
    skills: skillNames,
    terms: profiles.terms,
    idf: profiles.idf,
    // [title key, occupationIndex, weight, occupationIndex, weight, ...], weights sum to 1 per title
    titles: [...occ.titles]
      .sort((a, b) => a[0].localeCompare(b[0]))
      .map(([key, byCode]) => {
        const top = [...byCode].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, MAX_CODES_PER_TITLE);
        const total = top.reduce((s, [, w]) => s + w, 0);
        return [key, ...top.flatMap(([code, w]) => [codeIndex.get(code) ?? -1, Math.round((w / total) * 1000) / 1000])];
      }),
  };
  fs.mkdirSync(OUT, { recursive: true });
  const write = (file: string, data: unknown): void => {
    const json = `${JSON.stringify(data)}\n`;
    fs.writeFileSync(path.join(OUT, file), json);
    console.log(`wrote ${path.relative(ROOT, path.join(OUT, file))} (${(json.length / 1024).toFixed(0)} KB)`);
  };
  const termWeights = buildTermWeights();
  write('skills.generated.json', skillsFile);
  write('occupations.json', occupationsFile);
  write('term-weights.json', {
    about:
      'Generated by scripts/build-vocabulary.ts from O*NET 29.2 (CC BY 4.0): per word stem, sqrt(IDF / max IDF) over the ' +
      `${termWeights.documents} O*NET occupations (titles, description, tasks, technology products). See NOTICE.md.`,
    terms: termWeights.terms,
    weights: termWeights.weights,
  });
  console.log('skills:', JSON.stringify(skills.stats));
  console.log('occupations:', JSON.stringify({ ...occ.stats, occupations: occ.occupations.length, profileTerms: profiles.terms.length }));
}

main();
