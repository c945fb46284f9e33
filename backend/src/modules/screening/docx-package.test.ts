import { describe, expect, it } from 'vitest';
import { docxFromParagraphs } from '../../../test/documents';
import { docxBillionLaughs, docxWithDocumentXml, docxZipBomb, docxZipBombLyingHeader, hugeDocumentXml } from '../../../test/hostile-files';
import { readDocxParts, UnsafePackageError } from './docx-package';

describe('readDocxParts', () => {
  it('reads the XML parts of a normal DOCX and leaves styles and media out', async () => {
    const parts = await readDocxParts(await docxFromParagraphs(['Jane Doe', 'jane@example.com']));
    expect(parts.get('word/document.xml')?.toString('utf8')).toContain('Jane Doe');
    expect([...parts.keys()].some((name) => /styles\.xml$|media\//.test(name))).toBe(false);
  });

  it('refuses a zip bomb by its declared size before inflating it', async () => {
    const bomb = docxZipBomb(40 * 1024 * 1024);
    expect(bomb.byteLength).toBeLessThan(200 * 1024);
    await expect(readDocxParts(bomb)).rejects.toThrow(/word\/document\.xml declares \d+ bytes/);
  });

  it('stops a zip bomb whose headers lie about its size as soon as it inflates past them', async () => {
    await expect(readDocxParts(docxZipBombLyingHeader(40 * 1024 * 1024))).rejects.toBeInstanceOf(UnsafePackageError);
  });

  it('refuses a part that inflates more than 100-fold, even under the size limit', async () => {
    const ratioBomb = docxWithDocumentXml(hugeDocumentXml(5 * 1024 * 1024));
    await expect(readDocxParts(ratioBomb)).rejects.toThrow(/inflates \d+×/);
  });

  it('refuses a part with a document type declaration (entity expansion, "billion laughs")', async () => {
    await expect(readDocxParts(docxBillionLaughs())).rejects.toThrow(/document type declaration/);
  });

  it('fails on bytes that are not a zip at all', async () => {
    await expect(readDocxParts(new TextEncoder().encode('PK not really a zip'))).rejects.toThrow();
  });
});
