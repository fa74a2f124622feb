import { describe, expect, it } from 'vitest';
import { AppError } from '../../shared/errors';
import { baseMime, contentDisposition, decodeUpload, type UploadRules } from './files';

const rules: UploadRules = { keys: { base64: 'x.base64', tooLarge: 'x.tooLarge', empty: 'x.empty' }, types: { allowed: new Set(['application/pdf', 'text/plain']), key: 'x.type', message: 'a PDF or text' }, maxBytes: 8 };
const issuesOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(AppError);
    return ((err as AppError).details as { issues: { path: string; key: string }[] }).issues.map((i) => [i.path, i.key]);
  }
  throw new Error('no error');
};

describe('uploads', () => {
  it('reads a MIME type without its parameters and case', () => {
    expect(baseMime('Text/Plain; charset=utf-8')).toBe('text/plain');
  });

  it('decodes base64 (whitespace aside) to the bytes and their SHA-256', () => {
    const { content, sha256 } = decodeUpload({ mime: 'TEXT/plain; charset=utf-8', contentBase64: 'aGVs\nbG8=' }, rules);
    expect(content.toString()).toBe('hello');
    expect(sha256).toBe('2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824');
  });

  it('refuses a type the record does not take and content that is not base64, naming both fields', () => {
    expect(issuesOf(() => decodeUpload({ mime: 'application/x-msdownload', contentBase64: 'not base64!' }, rules))).toEqual([
      ['mime', 'x.type'],
      ['contentBase64', 'x.base64'],
    ]);
  });

  it('refuses a file over the size and an empty one', () => {
    expect(issuesOf(() => decodeUpload({ mime: 'text/plain', contentBase64: Buffer.alloc(9).toString('base64') }, rules))).toEqual([['contentBase64', 'x.tooLarge']]);
    expect(issuesOf(() => decodeUpload({ mime: 'text/plain', contentBase64: '' }, rules))).toEqual([['contentBase64', 'x.empty']]);
  });

  it('takes any type when the record names none', () => {
    expect(decodeUpload({ mime: 'application/x-anything', contentBase64: 'AA==' }, { keys: rules.keys }).content).toEqual(Buffer.from([0]));
  });

  it('names a download in ASCII and in UTF-8', () => {
    expect(contentDisposition('来电录音 "1".mp3')).toBe(`attachment; filename="____ _1_.mp3"; filename*=UTF-8''${encodeURIComponent('来电录音 "1".mp3')}`);
  });
});
