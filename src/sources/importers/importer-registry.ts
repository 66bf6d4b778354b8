import { DomainError } from '../../shared/domain-error';
import type { FormatImporter } from './format-importer';

/** The importers this process has, by format; filled by the composition root (app/importers.ts). */
export class ImporterRegistry {
  private readonly byFormat = new Map<string, FormatImporter>();

  constructor(importers: Iterable<FormatImporter> = []) {
    for (const importer of importers) this.register(importer);
  }

  register(importer: FormatImporter): void {
    if (this.byFormat.has(importer.format)) throw new Error(`Two importers for format ${importer.format}`);
    this.byFormat.set(importer.format, importer);
  }

  find(format: string): FormatImporter | undefined {
    return this.byFormat.get(format);
  }

  /** The importer, or a NOT_CONFIGURED failure saying so before anything is read. */
  get(format: string): FormatImporter {
    const importer = this.byFormat.get(format);
    if (!importer) {
      throw new DomainError('NOT_CONFIGURED', `No importer for format "${format}" is installed on this server yet; nothing was read`, { format });
    }
    return importer;
  }
}
