/**
 * Opens a DOCX (a ZIP package) without trusting it. A 300 KB file can declare, or merely contain, hundreds of
 * megabytes of XML; inflating it blindly is how a zip bomb takes a server down. So, before anything inflates:
 * - the central directory is read (yauzl) and every entry's declared size and compression ratio is checked;
 * - only the XML parts text extraction needs are inflated, each through a stream that yauzl stops as soon as
 *   it yields more bytes than the entry declared (a lying header cannot inflate past its limit);
 * - a part with a document type declaration is refused (WordprocessingML never has one; entity expansion
 *   — "billion laughs" — needs one).
 * The caller gets the parts as bytes and re-packs them uncompressed for mammoth, which then inflates nothing.
 */
import yauzl, { type Entry, type ZipFile } from 'yauzl';

export const DOCX_LIMITS = {
  maxEntries: 5_000,
  /** Declared uncompressed size of one part we read. A long resume's document.xml is well under 5 MB. */
  maxPartBytes: 32 * 1024 * 1024,
  /** Sum over the parts we read. */
  maxTotalBytes: 64 * 1024 * 1024,
  /** Inflation ratio above which a part larger than `ratioFloorBytes` is a bomb, not a document. */
  maxRatio: 100,
  ratioFloorBytes: 1024 * 1024,
};

export class UnsafePackageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnsafePackageError';
  }
}

/**
 * Parts mammoth and the header/footer reader use: XML and relationship parts, minus media, fonts and styles
 * (raw text does not depend on styles; extract-text.ts puts an empty styles part in their place, since mammoth
 * fails on a styled table without one).
 */
function isNeededPart(name: string): boolean {
  if (/^word\/(?:media|embeddings|fonts)\//i.test(name) || /^word\/styles(?:WithEffects)?\.xml$/i.test(name)) {
    return false;
  }
  return /\.(?:xml|rels)$/i.test(name);
}

function openZip(bytes: Uint8Array): Promise<ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(
      Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
      { lazyEntries: true, validateEntrySizes: true, strictFileNames: false, decodeStrings: true },
      (err, zip) => (err || !zip ? reject(err ?? new Error('not a zip')) : resolve(zip)),
    );
  });
}

function readEntry(zip: ZipFile, entry: Entry, limitBytes: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (err, stream) => {
      if (err || !stream) {
        reject(err ?? new Error('unreadable entry'));
        return;
      }
      const chunks: Buffer[] = [];
      let total = 0;
      stream.on('data', (chunk: Buffer) => {
        total += chunk.length;
        if (total > limitBytes) {
          stream.destroy(new UnsafePackageError(`${entry.fileName} inflates beyond its limit`));
          return;
        }
        chunks.push(chunk);
      });
      stream.on('error', (e: Error) =>
        // yauzl's own guard: the entry inflated past the size its header declared.
        reject(/too many bytes/i.test(e.message) ? new UnsafePackageError(`${entry.fileName} inflates past its declared size`) : e),
      );
      stream.on('end', () => resolve(Buffer.concat(chunks)));
    });
  });
}

/**
 * The package's needed parts, inflated within the limits. Throws UnsafePackageError for a bomb or a DTD,
 * and other errors for a damaged archive.
 */
export async function readDocxParts(bytes: Uint8Array, limits = DOCX_LIMITS): Promise<Map<string, Buffer>> {
  const zip = await openZip(bytes);
  try {
    if (zip.entryCount > limits.maxEntries) {
      throw new UnsafePackageError(`the package has ${zip.entryCount} entries`);
    }
    const needed: Entry[] = [];
    let declaredTotal = 0;
    await new Promise<void>((resolve, reject) => {
      zip.on('entry', (entry: Entry) => {
        if (!entry.fileName.endsWith('/') && isNeededPart(entry.fileName)) {
          const size = entry.uncompressedSize;
          const ratio = size / Math.max(1, entry.compressedSize);
          if (size > limits.maxPartBytes) {
            reject(new UnsafePackageError(`${entry.fileName} declares ${size} bytes`));
            return;
          }
          if (size > limits.ratioFloorBytes && ratio > limits.maxRatio) {
            reject(new UnsafePackageError(`${entry.fileName} inflates ${Math.round(ratio)}×`));
            return;
          }
          declaredTotal += size;
          if (declaredTotal > limits.maxTotalBytes) {
            reject(new UnsafePackageError(`the parts declare ${declaredTotal} bytes in all`));
            return;
          }
          needed.push(entry);
        }
        zip.readEntry();
      });
      zip.on('end', () => resolve());
      zip.on('error', reject);
      zip.readEntry();
    });
    const parts = new Map<string, Buffer>();
    for (const entry of needed) {
      // yauzl also fails the stream if the data inflates past the declared size; the cap is a second guard.
      const data = await readEntry(zip, entry, Math.min(limits.maxPartBytes, entry.uncompressedSize));
      if (hasDocumentTypeDeclaration(data)) {
        throw new UnsafePackageError(`${entry.fileName} has a document type declaration`);
      }
      parts.set(entry.fileName, data);
    }
    return parts;
  } finally {
    zip.close();
  }
}

function hasDocumentTypeDeclaration(xml: Buffer): boolean {
  return xml.includes('<!DOCTYPE', 0, 'latin1') || xml.includes('<!ENTITY', 0, 'latin1');
}
