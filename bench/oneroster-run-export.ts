import { createDataSource } from '../src/db/data-source';
import { exportOneRoster } from '../src/roster/oneroster/export/export-oneroster';
import { createLogger } from '../src/shared/logger';

export interface ExportFigures {
  readonly seconds: number;
  readonly rows: number;
  readonly files: { file: string; rows: number; skipped: number }[];
  readonly peakRssMiB: number;
  readonly maxRssMiB: number;
}

/** The exporter on the imported district, in its own process: its memory must stay flat too. */
export async function runExport(dir: string, url: string, system: string): Promise<ExportFigures> {
  let peak = 0;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 100);
  const db = createDataSource(url, createLogger('error', 'bench'), { poolSize: 2 });
  await db.initialize();
  try {
    const started = performance.now();
    const result = await exportOneRoster(db, { dir, version: '1.2', system });
    return {
      seconds: (performance.now() - started) / 1000,
      rows: result.files.reduce((sum, f) => sum + f.rows, 0),
      files: result.files.map((f) => ({ ...f })),
      peakRssMiB: Math.max(peak, process.memoryUsage.rss()) / 2 ** 20,
      maxRssMiB: process.resourceUsage().maxRSS / 1024,
    };
  } finally {
    clearInterval(sampler);
    await db.destroy();
  }
}
