import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { SourceFileEntity } from './source-file.entity';
import { SourceEntity } from './source.entity';

/** By-id loaders of the sources domain, made per request. */
export interface SourceLoaders {
  readonly source: DataLoader<string, SourceEntity | null>;
  readonly file: DataLoader<string, SourceFileEntity | null>;
}

export function createSourceLoaders(db: DataSource): SourceLoaders {
  return {
    source: new DataLoader((ids) => byIds(db, SourceEntity, ids)),
    file: new DataLoader((ids) => byIds(db, SourceFileEntity, ids)),
  };
}

async function byIds<T extends { id: string }>(db: DataSource, entity: new () => T, ids: readonly string[]): Promise<(T | null)[]> {
  const rows = await db.getRepository<T>(entity).createQueryBuilder('e').where('e.id = any(:ids)', { ids }).getMany();
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => byId.get(id) ?? null);
}
