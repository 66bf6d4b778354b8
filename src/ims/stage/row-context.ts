import { error, warning, type Diagnostic } from '../../ingest';
import type { ResolvedImsOptions } from '../options/ims-options';
import type { ElementNode } from '../xml/element-node';
import { readRecstatus, type Recstatus } from './recstatus';

/** What turning elements into staging rows needs: the options, and where problems go. */
export interface RowContext {
  readonly file: string;
  readonly tolerant: boolean;
  readonly options: ResolvedImsOptions;
  /** Reports a problem of an element; an ERROR means the caller leaves the element out. */
  readonly report: (diagnostic: Diagnostic) => void;
}

/** An element left out before staging: the ERROR saying why. */
export function rejectElement(ctx: RowContext, node: ElementNode, code: string, message: string, recordKey?: string | null): null {
  ctx.report(error(code, message, { file: ctx.file, line: node.line, column: node.path, recordKey: recordKey ?? null }));
  return null;
}

export function warnElement(ctx: RowContext, node: ElementNode, code: string, message: string, recordKey?: string | null): void {
  ctx.report(warning(code, message, { file: ctx.file, line: node.line, column: node.path, recordKey: recordKey ?? null }));
}

/**
 * The recstatus to apply, or null when the element is refused: a value other than 1, 2 or 3
 * fails the element in strict mode; tolerant mode reads it as unspecified, as Moodle does.
 */
export function recstatusOf(ctx: RowContext, node: ElementNode, key: string | null): Recstatus | null {
  const recstatus = readRecstatus(node);
  if (recstatus !== 'invalid') return recstatus;
  const message = 'recstatus must be 1 (add), 2 (update) or 3 (delete)';
  if (!ctx.tolerant) return rejectElement(ctx, node, 'ims.recstatus.invalid', message, key);
  warnElement(ctx, node, 'ims.recstatus.invalid', `${message}; read as unspecified (add)`, key);
  return 0;
}
