import { checkIri, checkKeys, checkLanguageMap, fail, isMimeType, isObject } from './primitives';

/** Attachment metadata in a statement (Data §2.4.11); the raw parts are checked where the body is parsed. */
const ATTACHMENT_KEYS = new Set(['usageType', 'display', 'description', 'contentType', 'length', 'sha2', 'fileUrl']);

export function checkAttachments(v: unknown, path: string): void {
  if (!Array.isArray(v)) return fail(path, 'must be an array of Attachment objects');
  v.forEach((a: unknown, i) => {
    const at = `${path}[${i}]`;
    if (!isObject(a)) return fail(at, 'must be an Attachment object');
    checkKeys(a, ATTACHMENT_KEYS, at, 'an Attachment');
    checkIri(a['usageType'], `${at}.usageType`);
    checkLanguageMap(a['display'], `${at}.display`);
    if (a['description'] !== undefined) checkLanguageMap(a['description'], `${at}.description`);
    if (!isMimeType(a['contentType'])) fail(`${at}.contentType`, 'must be an Internet media type');
    if (!Number.isInteger(a['length']) || (a['length'] as number) < 0) fail(`${at}.length`, 'must be a non-negative integer (octets)');
    if (typeof a['sha2'] !== 'string' || !/^[0-9a-f]{56}$|^[0-9a-f]{64}$|^[0-9a-f]{96}$|^[0-9a-f]{128}$/i.test(a['sha2'])) {
      fail(`${at}.sha2`, 'must be the hex SHA-2 of the attachment');
    }
    if (a['fileUrl'] !== undefined) checkIri(a['fileUrl'], `${at}.fileUrl`);
  });
}
