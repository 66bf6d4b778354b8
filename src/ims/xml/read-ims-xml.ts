import { createHash, type Hash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { RecordReader, type RecordReaderOptions } from './record-reader';
import { XmlDecoder } from './xml-decoder';
import type { XmlRecord } from './xml-record';

export interface ReadXmlOptions extends RecordReaderOptions {
  /** Hashes the raw bytes as they pass (for the ledger when the digest is not known up front). */
  readonly hash?: boolean;
}

/** What the whole read found, once the generator has finished. */
export interface XmlReadSummary {
  bytes: number;
  elements: number;
  encoding: string;
  /** SHA-256 of the bytes read, when asked for and the file was read to its end. */
  sha256: Buffer | null;
}

/**
 * Streams the records of an IMS Enterprise file. Bytes are pulled only as fast as records are
 * taken, so memory holds one chunk and the records it completed, whatever the file's size.
 * Breaking out of the loop stops reading and releases the stream.
 */
export async function* readImsXml(stream: Readable, options: ReadXmlOptions, summary: XmlReadSummary): AsyncGenerator<XmlRecord> {
  const reader = new RecordReader(options);
  const decoder = new XmlDecoder({ file: options.file, tolerant: options.mode === 'TOLERANT', onIssue: options.onIssue, line: () => reader.line });
  const hash: Hash | null = options.hash ? createHash('sha256') : null;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      summary.bytes += chunk.length;
      hash?.update(chunk);
      const records = reader.write(decoder.push(chunk));
      summary.elements = reader.elements;
      for (const record of records) yield record;
    }
    const last = reader.write(decoder.end());
    for (const record of [...last, ...reader.end()]) yield record;
    summary.elements = reader.elements;
    summary.encoding = decoder.encoding;
    summary.sha256 = hash ? hash.digest() : null;
  } finally {
    if (!stream.destroyed) stream.destroy();
  }
}

export function emptySummary(): XmlReadSummary {
  return { bytes: 0, elements: 0, encoding: 'utf-8', sha256: null };
}
