import type { RejectionCode } from '@shortlist/contracts';

/** A file as it arrived in the multipart request; bytes stay in memory, never on disk. */
export interface UploadedFile {
  fileName: string;
  bytes: Uint8Array;
}

export type DocumentKind = 'pdf' | 'docx' | 'txt';

/** Thrown by a pipeline step when one file cannot be used; the batch goes on without it. */
export class FileRejectedError extends Error {
  constructor(
    readonly code: RejectionCode,
    message: string,
  ) {
    super(message);
    this.name = 'FileRejectedError';
  }
}

export interface ExtractedText {
  kind: DocumentKind;
  /** Normalised plain text (whitespace, ligatures, soft hyphens, bullets cleaned). */
  text: string;
  pageCount: number | null;
}

/** What field extraction finds in one resume's text. Unknown values are null, never guessed. */
export interface ExtractedFields {
  name: string | null;
  email: string | null;
  /** E.164 when the number parses (`+14155550123`), else the digits as written. */
  phone: string | null;
  experienceYears: number | null;
  /** Canonical skill names from the taxonomy (`JavaScript`, `Kubernetes`), in order of first mention. */
  skills: string[];
  currentTitle: string | null;
  location: string | null;
  links: string[];
}

export interface TokenUsage {
  inputTokens: number;
  outputTokens: number;
}

export interface FieldExtractionResult {
  fields: ExtractedFields;
  extractor: 'local' | 'groq';
  /** Present when an LLM was called (even if its answer was then discarded). */
  usage?: TokenUsage;
}

/** One interface, two implementations: local (default) and Groq. */
export interface FieldExtractor {
  readonly name: 'local' | 'groq';
  extract(text: string): Promise<FieldExtractionResult>;
}

/** What the JD asks for: the contract's shape (must/nice requirements with alternatives, years, occupation). */
export type { JobRequirements } from '@shortlist/contracts';
