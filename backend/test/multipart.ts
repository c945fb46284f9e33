import { randomBytes } from 'node:crypto';

export interface Part {
  name: string;
  /** A file part when set; a plain field otherwise. */
  fileName?: string;
  contentType?: string;
  value: Uint8Array | string;
}

/** A multipart/form-data body, byte for byte as a browser would send it, for `app.inject`. */
export function multipart(parts: Part[]): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----shortlist${randomBytes(8).toString('hex')}`;
  const chunks: Buffer[] = [];
  for (const part of parts) {
    const disposition = part.fileName
      ? `form-data; name="${part.name}"; filename="${part.fileName.replace(/"/g, '%22')}"`
      : `form-data; name="${part.name}"`;
    const type = part.fileName ? `\r\nContent-Type: ${part.contentType ?? 'application/octet-stream'}` : '';
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: ${disposition}${type}\r\n\r\n`));
    chunks.push(typeof part.value === 'string' ? Buffer.from(part.value) : Buffer.from(part.value));
    chunks.push(Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** `files` parts for a resume upload. */
export function resumeUpload(files: Array<{ fileName: string; bytes: Uint8Array }>) {
  return multipart(files.map((f) => ({ name: 'files', fileName: f.fileName, value: f.bytes })));
}
