import { TextDecoder } from 'node:util';
import { FileError } from '../../ingest/file-error';
import { warning, type Diagnostic } from '../../ingest/diagnostic';

/** Bytes looked at to find the encoding: a BOM or the XML declaration lies within them. */
const SNIFF_BYTES = 1024;

/** `encoding="…"` in an XML declaration, possibly after stray whitespace (a sloppy export's leading newline). */
const DECLARED = /^\s*<\?xml[^>]*?\bencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/;

export interface DecoderOptions {
  readonly file: string;
  readonly tolerant: boolean;
  readonly onIssue: (diagnostic: Diagnostic) => void;
  /** The line being read, for messages (the parser's position). */
  readonly line: () => number;
}

/**
 * Turns the file's bytes into text in the encoding it declares (BOM first, then the XML
 * declaration, else UTF-8), chunk by chunk. Moodle ignores the declaration and stores the raw
 * bytes; SIS exports still say ISO-8859-1, so honouring it keeps accented names intact.
 *
 * Bytes that are not valid in the declared UTF-8 fail a strict import. A tolerant import reads
 * the rest of the file as Windows-1252 instead, with a warning: files labelled UTF-8 but
 * written in Latin-1 are the usual cause, and this keeps their names readable.
 */
export class XmlDecoder {
  private decoder: TextDecoder | undefined;
  private head: Buffer[] = [];
  private headBytes = 0;
  private fellBack = false;
  encoding = 'utf-8';

  constructor(private readonly options: DecoderOptions) {}

  push(chunk: Buffer): string {
    if (!this.decoder) {
      this.head.push(chunk);
      this.headBytes += chunk.length;
      if (this.headBytes < SNIFF_BYTES) return '';
      return this.decodeHead(false);
    }
    return this.decode(chunk, true);
  }

  end(): string {
    const text = this.decoder ? '' : this.decodeHead(true);
    return text + this.decode(Buffer.alloc(0), false);
  }

  private decodeHead(final: boolean): string {
    const head = Buffer.concat(this.head);
    this.head = [];
    this.decoder = this.create(head);
    return this.decode(head, !final);
  }

  private create(head: Buffer): TextDecoder {
    const bom = sniffBom(head);
    const label = bom ?? DECLARED.exec(head.toString('latin1'))?.[1] ?? 'utf-8';
    let decoder: TextDecoder;
    try {
      // ignoreBOM false: the decoder drops a BOM matching its encoding.
      decoder = new TextDecoder(label, { fatal: isUtf8(label) });
    } catch {
      throw new FileError('ims.xml.encoding_unsupported', `the XML declaration names encoding "${label}", which cannot be read; use UTF-8 or ISO-8859-1`, {
        file: this.options.file,
        line: 1,
      });
    }
    this.encoding = decoder.encoding;
    return decoder;
  }

  private decode(bytes: Buffer, stream: boolean): string {
    const decoder = this.decoder as TextDecoder;
    try {
      return decoder.decode(bytes, { stream });
    } catch {
      if (!this.options.tolerant || this.fellBack) {
        throw new FileError('ims.xml.encoding_invalid', `the file is not valid ${this.encoding} near this line; save it as UTF-8 or declare its real encoding`, {
          file: this.options.file,
          line: this.options.line(),
        });
      }
      this.fellBack = true;
      this.options.onIssue(
        warning('ims.xml.encoding_fallback', `the file is not valid ${this.encoding} from about this line; the rest was read as Windows-1252 (Latin-1)`, {
          file: this.options.file,
          line: this.options.line(),
        }),
      );
      this.decoder = new TextDecoder('windows-1252');
      this.encoding = 'windows-1252';
      return this.decoder.decode(bytes, { stream });
    }
  }
}

function sniffBom(head: Buffer): string | undefined {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8';
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  // `<?` in UTF-16 without a BOM.
  if (head[0] === 0x3c && head[1] === 0x00 && head[2] === 0x3f && head[3] === 0x00) return 'utf-16le';
  if (head[0] === 0x00 && head[1] === 0x3c && head[2] === 0x00 && head[3] === 0x3f) return 'utf-16be';
  return undefined;
}

const isUtf8 = (label: string): boolean => /^utf-?8$/i.test(label.trim());
