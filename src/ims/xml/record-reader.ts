import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { error, warning, type Diagnostic } from '../../ingest/diagnostic';
import { FileError } from '../../ingest/file-error';
import { guardDoctype } from './doctype-guard';
import { textAt, type ElementNode } from './element-node';
import { classifyRecoverable, splitPosition } from './recoverable-errors';
import { StrayAmpersands } from './stray-ampersands';
import type { MembershipContext, XmlRecord } from './xml-record';

export type ParseMode = 'STRICT' | 'TOLERANT';

export interface RecordReaderOptions {
  readonly file: string;
  readonly mode: ParseMode;
  /** Problems of the file itself (recovered XML errors, unknown or unclosed elements). */
  readonly onIssue: (diagnostic: Diagnostic) => void;
  /** An element that was not read at all (unclosed, orphan): the caller counts it as rejected. */
  readonly onRejected: (kind: string) => void;
}

/** Elements that are records of their own; anything inside them belongs to them. */
const RECORDS = new Set(['properties', 'person', 'group', 'membership', 'comments']);

type FrameKind =
  /** Outside any record: the root, or a wrapper an export added around records. */
  | 'outside'
  /** The root element of a record. */
  | 'record'
  /** A `<member>` inside a `<membership>`, read and handed on by itself. */
  | 'member'
  /** Below a record or member: part of its tree. */
  | 'inside'
  /** Below something whose content is not read (`<comments>`, an orphan `<member>`). */
  | 'ignored';

interface Frame {
  readonly kind: FrameKind;
  readonly name: string;
  readonly path: string;
  readonly node: ElementNode | null;
  /** Same-name children seen so far, for `[n]` in paths; made on the first child. */
  counts: Map<string, number> | null;
  readonly membership?: MembershipContext & { members: number; pending: ElementNode[] };
}

/**
 * Reads IMS Enterprise XML with saxes, one event at a time, and turns it into records.
 * Warnings go to `onIssue` as they happen; the caller caps repeats (CappedWarnings).
 *
 * Strict mode accepts well-formed XML only: the first parser error fails the file. Tolerant
 * mode lets saxes recover from what sloppy SIS exports contain and reports each kind of fault
 * as a warning; tag and attribute names are matched case-insensitively, as Moodle's regexes
 * do. In both modes entities are decoded (`&amp;` → `&`), namespace prefixes are dropped
 * (`<ims:person>`), and a DOCTYPE that declares entities is refused before anything is read.
 * Records are found wherever they are (inside unknown wrappers, after the root), as Moodle
 * finds them, but a `<member>` outside a `<membership>` is reported and ignored.
 */
export class RecordReader {
  private readonly parser = new SaxesParser<{ xmlns: false; position: true }>({ xmlns: false, position: true });
  private readonly stack: Frame[] = [];
  private readonly out: XmlRecord[] = [];
  private readonly unknown = new Set<string>();
  /** Faults of the file as a whole, reported once however many characters they span. */
  private readonly once = new Set(['ims.xml.after_root', 'ims.xml.declaration_not_first']);
  private readonly tolerant: boolean;
  private readonly reportedOnce = new Set<string>();
  private ord = 0;
  private rootSeen = false;
  /** Tolerant mode only: raw `&`s escaped before the parser sees them. */
  private readonly ampersands: StrayAmpersands | null;
  /** Elements read, for progress. */
  elements = 0;

  constructor(private readonly options: RecordReaderOptions) {
    this.tolerant = options.mode === 'TOLERANT';
    this.ampersands = this.tolerant ? new StrayAmpersands((offset, text) => this.onStrayAmpersand(offset, text)) : null;
    this.parser.on('error', (e) => this.onError(e));
    this.parser.on('doctype', (doctype) => guardDoctype(doctype, this.parser.line, options.file));
    this.parser.on('opentag', (tag) => this.open(tag));
    this.parser.on('closetag', () => this.close());
    this.parser.on('text', (text) => this.text(text));
    this.parser.on('cdata', (text) => this.text(text));
  }

  /** The line the parser is on, for messages about the bytes being read. */
  get line(): number {
    return this.parser.line;
  }

  /** Feeds decoded text; returns the records it completed (taken: the reader keeps none). */
  write(text: string): XmlRecord[] {
    const escaped = this.ampersands ? this.ampersands.push(text) : text;
    if (escaped.length > 0) this.parser.write(escaped);
    return this.take();
  }

  /** Ends the document; returns the last records, after reporting unclosed ones. */
  end(): XmlRecord[] {
    const rest = this.ampersands?.end() ?? '';
    if (rest.length > 0) this.parser.write(rest);
    this.parser.close();
    for (const frame of this.stack.reverse()) {
      if (frame.kind !== 'record' && frame.kind !== 'member') continue;
      this.options.onRejected(frame.name);
      this.options.onIssue(
        error('ims.element.unclosed', `this <${frame.name}> is never closed (the file may be cut short); it was not applied`, {
          file: this.options.file,
          line: frame.node?.line ?? null,
          column: frame.path,
        }),
      );
    }
    this.stack.length = 0;
    if (!this.rootSeen) throw new FileError('ims.xml.empty', 'the file holds no XML element; it is not an IMS Enterprise file', { file: this.options.file });
    return this.take();
  }

  private take(): XmlRecord[] {
    return this.out.length === 0 ? [] : this.out.splice(0);
  }

  private onError(e: Error): void {
    const { line, column, text } = splitPosition(e.message);
    if (!this.tolerant) {
      throw new FileError('ims.xml.malformed', `the XML is not well-formed: ${text.replace(/\.$/, '')} (tolerant mode reads files like this)`, {
        file: this.options.file,
        line: line ?? this.parser.line,
        column: column === null ? null : `character ${column}`,
      });
    }
    const rule = classifyRecoverable(text);
    if (this.once.has(rule.code)) {
      if (this.reportedOnce.has(rule.code)) return;
      this.reportedOnce.add(rule.code);
    }
    this.options.onIssue(warning(rule.code, rule.message, { file: this.options.file, line: line ?? this.parser.line }));
  }

  /** The parser has read everything before `text`, so its line is where `text` starts. */
  private onStrayAmpersand(offset: number, text: string): void {
    let line = this.parser.line;
    for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line += 1;
    this.options.onIssue(
      warning('ims.xml.entity', 'an "&" that starts no entity reference (write &amp;); it was read as a plain "&"', { file: this.options.file, line }),
    );
  }

  private localName(name: string): string {
    const colon = name.indexOf(':');
    const local = colon === -1 ? name : name.slice(colon + 1);
    return this.tolerant ? local.toLowerCase() : local;
  }

  private open(tag: SaxesTagPlain): void {
    this.elements += 1;
    const name = this.localName(tag.name);
    const parent = this.stack[this.stack.length - 1];
    const path = parent ? `${parent.path}/${name}[${this.countChild(parent, name)}]` : `/${name}`;
    const line = this.parser.line;
    const node = (): ElementNode => ({ name, attributes: this.attributes(tag.attributes), text: '', children: [], line, path });

    if (!parent) {
      this.openRoot(name, path, line, node);
      return;
    }
    switch (parent.kind) {
      case 'ignored':
        this.push({ kind: 'ignored', name, path, node: null, counts: null });
        return;
      case 'record':
      case 'member':
      case 'inside': {
        if (name === 'member' && this.membershipOf() && !this.stack.some((f) => f.kind === 'member')) {
          this.push({ kind: 'member', name, path, node: node(), counts: null });
          return;
        }
        const child = node();
        parent.node?.children.push(child);
        this.push({ kind: 'inside', name, path, node: child, counts: null });
        return;
      }
      case 'outside':
        this.openOutside(name, path, line, node);
        return;
    }
  }

  private openRoot(name: string, path: string, line: number, node: () => ElementNode): void {
    if (!this.rootSeen && name !== 'enterprise') {
      if (!this.tolerant) {
        throw new FileError('ims.xml.root', `the root element is <${name}>, not <enterprise>: this is not an IMS Enterprise file`, {
          file: this.options.file,
          line: this.parser.line,
        });
      }
      this.options.onIssue(
        warning('ims.xml.root', `the root element is <${name}>, not <enterprise>; records inside it are read anyway`, { file: this.options.file, line: this.parser.line }),
      );
    }
    this.rootSeen = true;
    // Anything at the top level after the root (junk, a second document) is scanned for
    // complete records like the rest; saxes has already warned that it follows the root.
    if (RECORDS.has(name) || name === 'member') this.openOutside(name, path, line, node);
    else this.push({ kind: 'outside', name, path, node: null, counts: null });
  }

  private openOutside(name: string, path: string, line: number, node: () => ElementNode): void {
    if (name === 'comments') {
      this.push({ kind: 'ignored', name, path, node: null, counts: null });
      return;
    }
    if (RECORDS.has(name)) {
      const record = node();
      if (name === 'membership') {
        this.ord += 1;
        const membership = { ord: this.ord, line, path, groupId: null, members: 0, pending: [] };
        this.push({ kind: 'record', name, path, node: record, counts: null, membership });
      } else {
        this.push({ kind: 'record', name, path, node: record, counts: null });
      }
      return;
    }
    if (name === 'member') {
      this.options.onRejected('member');
      this.options.onIssue(
        error('ims.member.orphan', 'a <member> outside any <membership> names no course; it was ignored', { file: this.options.file, line, column: path }),
      );
      this.push({ kind: 'ignored', name, path, node: null, counts: null });
      return;
    }
    if (!this.unknown.has(name)) {
      this.unknown.add(name);
      this.options.onIssue(
        warning('ims.element.unknown', `<${name}> is not an IMS Enterprise element; it was skipped, but records inside it are read`, {
          file: this.options.file,
          line,
          column: path,
        }),
      );
    }
    this.push({ kind: 'outside', name, path, node: null, counts: null });
  }

  private close(): void {
    const frame = this.stack.pop();
    if (!frame) return;
    if (frame.kind === 'member') {
      this.closeMember(frame);
      return;
    }
    if (frame.kind !== 'record' || !frame.node) return;
    switch (frame.name) {
      case 'membership':
        this.closeMembership(frame);
        return;
      case 'properties':
      case 'person':
      case 'group':
        this.ord += 1;
        this.out.push({ kind: frame.name, ord: this.ord, node: frame.node });
        return;
      default:
        return;
    }
  }

  private closeMember(frame: Frame): void {
    const owner = this.membershipOf();
    if (!owner?.membership || !frame.node) return;
    const context = owner.membership;
    context.members += 1;
    if (context.groupId === null) context.groupId = textAt(owner.node ?? undefined, 'sourcedid', 'id') || null;
    // The binding puts the membership's <sourcedid> first; until it is seen, members wait.
    if (context.groupId === null) {
      context.pending.push(frame.node);
      return;
    }
    this.flushPending(context);
    this.ord += 1;
    this.out.push({ kind: 'member', ord: this.ord, node: frame.node, membership: context });
  }

  private closeMembership(frame: Frame): void {
    const context = frame.membership;
    if (!context || !frame.node) return;
    if (context.groupId === null) context.groupId = textAt(frame.node, 'sourcedid', 'id') || null;
    this.flushPending(context);
    this.out.push({ kind: 'membership', ord: context.ord, node: frame.node, membership: context, members: context.members });
  }

  private flushPending(context: NonNullable<Frame['membership']>): void {
    for (const node of context.pending.splice(0)) {
      this.ord += 1;
      this.out.push({ kind: 'member', ord: this.ord, node, membership: context });
    }
  }

  private membershipOf(): Frame | undefined {
    for (let i = this.stack.length - 1; i >= 0; i--) {
      const frame = this.stack[i] as Frame;
      if (frame.membership) return frame;
    }
    return undefined;
  }

  private text(text: string): void {
    const top = this.stack[this.stack.length - 1];
    // Only leaves' text is ever read; whitespace between a membership's members is not kept.
    if (top?.kind === 'inside' && top.node) top.node.text += text;
  }

  private push(frame: Frame): void {
    this.stack.push(frame);
  }

  private countChild(parent: Frame, name: string): number {
    const counts = (parent.counts ??= new Map());
    const n = (counts.get(name) ?? 0) + 1;
    counts.set(name, n);
    return n;
  }

  private attributes(raw: Record<string, string>): Record<string, string> {
    if (!this.tolerant) return raw;
    const out: Record<string, string> = {};
    for (const [key, value] of Object.entries(raw)) out[this.localName(key)] = value;
    return out;
  }
}
