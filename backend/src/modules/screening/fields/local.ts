/**
 * Field extraction without an LLM: regexes, libphonenumber-js, the skills taxonomy, and date ranges merged
 * into years. This is the default (most self-hosters run without a Groq key), so it has to stand on its own.
 * Unknown values are null, never guessed.
 */
import type { CountryCode } from 'libphonenumber-js';
import { findSkills } from '../skills.js';
import type { ExtractedFields, FieldExtractor } from '../types.js';
import { extractEmail, extractLinks, extractLocation, extractPhone } from './contact.js';
import { estimateExperienceYears } from './experience.js';
import { extractCurrentTitle, extractName } from './name.js';

export { extractEmail, extractLinks, extractLocation, extractPhone } from './contact.js';
export { estimateExperienceYears, findDateRanges, mergedMonths, statedYears } from './experience.js';
export { extractCurrentTitle, extractName, nameFromLine } from './name.js';

export interface LocalExtractorOptions {
  /** "Present" in a date range means this moment; injectable so tests do not age. */
  now?: Date;
  /** Country for phone numbers written without a +country code. */
  defaultPhoneCountry?: CountryCode;
}

/** All fields from one resume's normalised text. Pure and synchronous. */
export function extractFieldsLocally(text: string, opts: LocalExtractorOptions = {}): ExtractedFields {
  const email = extractEmail(text);
  const name = extractName(text, email);
  return {
    name,
    email,
    phone: extractPhone(text, opts.defaultPhoneCountry ?? 'US'),
    experienceYears: estimateExperienceYears(text, opts.now ?? new Date()),
    skills: findSkills(text),
    currentTitle: extractCurrentTitle(text, name),
    location: extractLocation(text),
    links: extractLinks(text),
  };
}

export function createLocalFieldExtractor(opts: LocalExtractorOptions = {}): FieldExtractor {
  return {
    name: 'local',
    extract(text: string) {
      // `now` is read per call when not injected, so a long-running server does not freeze "Present".
      const fields = extractFieldsLocally(text, { ...opts, now: opts.now ?? new Date() });
      return Promise.resolve({ fields, extractor: 'local' as const });
    },
  };
}
