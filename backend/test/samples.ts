import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project's own fictional samples (committed), used by tests and the browser journey. */
export const SAMPLES_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'samples');

export interface SampleResume {
  file: string;
  name: string;
  email: string;
  phone: string;
  experience_years: number;
  skills: string[];
  fit: Record<string, 'strong' | 'medium' | 'poor'>;
}

export interface SampleIndex {
  reference_date: string;
  jds: Array<{ file: string; title: string; required_skills: string[]; required_years: number }>;
  resumes: SampleResume[];
}

export function loadSamples(): SampleIndex {
  return JSON.parse(fs.readFileSync(path.join(SAMPLES_DIR, 'expected.json'), 'utf8')) as SampleIndex;
}

export function readSample(relative: string): Uint8Array {
  return new Uint8Array(fs.readFileSync(path.join(SAMPLES_DIR, relative)));
}
