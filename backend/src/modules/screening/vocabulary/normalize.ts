/**
 * Text normalisation shared by the vocabulary generator (scripts/build-vocabulary.ts) and the runtime matchers,
 * so that a title or term is keyed the same way when the file is built and when a resume is read.
 */
import { lexicalTerms } from '../lexical.js';

// Words that qualify a title without changing the occupation ("Senior Data Engineer II" is a data engineer).
const LEADING_SENIORITY = new Set(
  (
    'senior sr snr junior jr jnr lead principal staff associate assistant asst trainee apprentice entry level mid ' +
    'graduate deputy acting interim freelance contract contractual temporary temp remote experienced'
  ).split(' '),
);
const TRAILING_SENIORITY = new Set('i ii iii iv v vi 1 2 3 4 5 intern trainee level'.split(' '));

/** Lower-case words of a title: "&" → "and", punctuation other than + # . inside words dropped. */
export function titleWords(raw: string): string[] {
  return (
    raw
      .toLowerCase()
      .replace(/&/g, ' and ')
      // "Full-Stack", "Back-end", "frontend": one spelling for the stack words titles use.
      .replace(/\b(full|back|front)[\s-]?(stack|end)\b/g, '$1 $2')
      .replace(/\bfullstack\b/g, 'full stack')
      // "QA/QC", "Sr./Lead": a slash separates words; a dot ends an abbreviation ("Sr." → "sr").
      .replace(/[/\\|,;:()[\]{}"“”'’!?*•·–—_]/g, ' ')
      .split(/\s+/)
      .map((w) => w.replace(/^[.-]+(?!net\b)|[.-]+$/g, ''))
      .filter((w) => w.length > 0)
  );
}

/** English plural to singular for the head noun of a title ("Software Developers" → "software developer"). */
export function singular(word: string): string {
  if (word.length <= 3 || word.endsWith('ss') || word.endsWith('us') || word.endsWith('is')) {
    return word;
  }
  if (word.endsWith('ies') && word.length > 4) {
    return `${word.slice(0, -3)}y`;
  }
  if (/(?:ches|shes|xes|sses)$/.test(word)) {
    return word.slice(0, -2);
  }
  if (word.endsWith('s') && !word.endsWith('ics')) {
    return word.slice(0, -1);
  }
  return word;
}

/** The key a title is stored and looked up under: lower-case words, head noun singular. */
export function titleKey(raw: string): string {
  const words = titleWords(raw);
  const last = words.length - 1;
  if (last >= 0) {
    words[last] = singular(words[last] ?? '');
  }
  return words.join(' ');
}

/** The title key without leading and trailing seniority words ("senior data engineer ii" → "data engineer"). */
export function titleKeyWithoutSeniority(key: string): string {
  const words = key.replace(/^(?:full|part) time /, '').split(' ');
  let start = 0;
  let end = words.length;
  while (start < end - 1 && LEADING_SENIORITY.has(words[start] ?? '')) {
    start++;
  }
  while (end > start + 1 && TRAILING_SENIORITY.has(words[end - 1] ?? '')) {
    end--;
  }
  return words.slice(start, end).join(' ');
}

export function isSeniorityWord(word: string): boolean {
  return LEADING_SENIORITY.has(word) || TRAILING_SENIORITY.has(word);
}

/**
 * The terms a text is compared with occupation profiles on: lexical stems without stop words and without
 * numbers (years, versions and phone digits say nothing about the occupation).
 */
export function profileTerms(text: string): string[] {
  return lexicalTerms(text).filter((t) => !/\d/.test(t));
}
