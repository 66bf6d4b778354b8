import { warning, type Diagnostic } from '../diagnostic';
import { IssueSeverity } from '../diagnostic';
import type { IngestProgress } from './ingest-progress';

/**
 * Keeps warnings readable: a coercion repeated on every row of a 200k-row file (`TRUE` for
 * `true`, say) is listed for its first `cap` rows per file and code, then summed up in one
 * closing warning. Errors are never capped: every rejected row is kept with its reason.
 */
export class CappedWarnings {
  private readonly seen = new Map<string, { file: string | null; code: string; count: number }>();

  constructor(
    private readonly progress: IngestProgress & { countWarnings(n: number): void },
    private readonly cap = 100,
  ) {}

  issue(diagnostic: Diagnostic): void {
    if (diagnostic.severity !== IssueSeverity.WARNING) return this.progress.issue(diagnostic);
    const key = `${diagnostic.file ?? ''}\u0000${diagnostic.code}`;
    const entry = this.seen.get(key) ?? { file: diagnostic.file, code: diagnostic.code, count: 0 };
    entry.count += 1;
    this.seen.set(key, entry);
    if (entry.count <= this.cap) this.progress.issue(diagnostic);
  }

  /** Adds the closing "N more" warning for every capped file and code. */
  flush(): void {
    for (const { file, code, count } of this.seen.values()) {
      if (count <= this.cap) continue;
      const more = count - this.cap;
      this.progress.countWarnings(more - 1);
      this.progress.issue(warning(code, `${more} more row(s) have this warning; only the first ${this.cap} are listed`, { file }));
    }
    this.seen.clear();
  }
}
