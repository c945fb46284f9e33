/**
 * Public entry point for fictional resume generation, used by `npm run samples` and the pipeline
 * benchmark. Everything is deterministic: the same input (or seed) gives the same bytes.
 *
 *   import { generateResumeCorpus } from './lib/sample-resumes.js';
 *   for await (const file of generateResumeCorpus(500, 42)) { … file.fileName, file.bytes … }
 */
export type {
  DateStyle,
  ExtraSection,
  RangeSeparator,
  Resume,
  ResumeEducation,
  ResumeJob,
  Rng,
  SectionKey,
  SkillGroup,
  YearMonth,
} from './resume-model.js';
export {
  coveredMonths,
  createRng,
  DEFAULT_HEADINGS,
  experienceMonths,
  experienceRangesIso,
  experienceYears,
  formatRange,
  formatYearMonth,
  ym,
} from './resume-model.js';
export type { PdfLayout, PdfRenderOptions, RenderedPdf } from './resume-pdf.js';
export { FIXED_PDF_DATE, PDF_LAYOUTS, renderResumePdf } from './resume-pdf.js';
export type { DocxLayout, DocxRenderOptions } from './resume-docx.js';
export { DOCX_LAYOUTS, FIXED_DOCX_DATE, renderResumeDocx } from './resume-docx.js';
export type { CorpusFile, CorpusResume } from './resume-corpus.js';
export { CORPUS_AS_OF, generateResumeCorpus, randomResume } from './resume-corpus.js';
export type { Fit, SampleEntry } from './sample-roster.js';
export { SAMPLE_ROSTER } from './sample-roster.js';
export type { SampleJd } from './sample-jds.js';
export { DATA_SCIENCE_JD, FULL_STACK_JD, SAMPLE_JDS } from './sample-jds.js';
