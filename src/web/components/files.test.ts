import { describe, expect, it } from 'vitest';
import { fileSize, fileToBase64 } from './files';

describe('files', () => {
  it('travel as base64 of their bytes', async () => {
    expect(await fileToBase64(new Blob(['合同'], { type: 'text/plain' }))).toBe(Buffer.from('合同').toString('base64'));
  });

  it('show their size for people', () => {
    expect([fileSize(980), fileSize(12_595), fileSize(4_718_592)]).toEqual(['980 B', '12.3 KB', '4.5 MB']);
  });
});
