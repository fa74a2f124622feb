import { createHash } from 'node:crypto';
import type { FastifyReply } from 'fastify';
import { issue, validationError, type FieldIssue } from '../../shared/errors';

/** Every upload is at most this large (decoded). */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** The MIME type without its parameters, lower case ('application/pdf; x=y' → 'application/pdf'). */
export const baseMime = (mime: string) => mime.toLowerCase().split(';')[0]!.trim();

export interface UploadRules {
  /** the room's error keys: content that is not base64, too large, empty */
  keys: { base64: string; tooLarge: string; empty: string };
  /** the MIME types the record takes, with the key and the English words of a 400 for another; any type when left out */
  types?: { allowed: ReadonlySet<string>; key: string; message: string };
  maxBytes?: number;
}

/**
 * A file sent as base64 in JSON, checked: a type the record takes if it says (400 naming mime), valid base64 (400
 * naming contentBase64), not empty and within the size (400 naming contentBase64). Returns the bytes and
 * their SHA-256.
 */
export function decodeUpload(input: { mime: string; contentBase64: string }, rules: UploadRules): { content: Buffer; sha256: string } {
  const max = rules.maxBytes ?? MAX_UPLOAD_BYTES;
  const text = input.contentBase64.replace(/\s+/g, '');
  const issues: FieldIssue[] = [];
  if (rules.types && !rules.types.allowed.has(baseMime(input.mime))) issues.push(issue('mime', rules.types.key, rules.types.message));
  if (!BASE64.test(text) || text.length % 4 === 1) issues.push(issue('contentBase64', rules.keys.base64, 'Not valid base64'));
  if (issues.length) throw validationError(issues);
  const content = Buffer.from(text, 'base64');
  if (content.length > max) throw validationError([issue('contentBase64', rules.keys.tooLarge, `The file is larger than ${max / 1024 / 1024} MB`, { maxMb: max / 1024 / 1024 })]);
  if (content.length === 0) throw validationError([issue('contentBase64', rules.keys.empty, 'The file is empty')]);
  return { content, sha256: createHash('sha256').update(content).digest('hex') };
}

/** RFC 6266: an ASCII fallback plus the UTF-8 name, so Chinese file names survive. */
export function contentDisposition(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/** Sends a stored file as a download, in the type it was uploaded with, never sniffed. */
export function sendFile(reply: FastifyReply, f: { name: string; mime: string; content: Buffer }) {
  return reply.header('content-type', f.mime).header('content-disposition', contentDisposition(f.name)).header('x-content-type-options', 'nosniff').send(f.content);
}
