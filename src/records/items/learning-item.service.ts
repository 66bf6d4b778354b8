import type { DataSource } from 'typeorm';
import { queryRows } from '../../db/query-rows';
import { raw, sql, type Sql } from '../../db/sql';
import type { ListQuery } from '../../graphql/relay/keyset';
import { searchCondition } from '../../roster';
import { DomainError, notFound } from '../../shared/domain-error';
import type { LearningItemKind } from '../model/learning-kind';
import { ITEM_COLUMNS, type LearningItemRow } from '../model/record-rows';

export interface ItemCriteria {
  readonly kind?: LearningItemKind | null;
  readonly source?: string | null;
  readonly search?: string | null;
}

/** Learning items: the catalogue, validity periods and equivalences. */
export class LearningItemService {
  constructor(private readonly db: DataSource) {}

  listQuery(criteria: ItemCriteria): ListQuery {
    const where: Sql[] = [];
    if (criteria.kind) where.push(sql`i.kind = ${criteria.kind}`);
    if (criteria.source) where.push(sql`i.system = ${criteria.source}`);
    if (criteria.search) where.push(searchCondition(['i.name'], criteria.search));
    return {
      key: 'learning-items',
      select: raw(ITEM_COLUMNS),
      from: raw('learning_item i'),
      where,
      order: [
        { expr: 'i.name', direction: 'asc' },
        { expr: 'i.id', direction: 'asc' },
      ],
    };
  }

  /**
   * Sets (or, with null, clears) how long completions of the item stay valid, and recomputes
   * `validUntil` of every completion of it in the same transaction.
   */
  async setValidity(itemId: string, validity: { months: number; days: number } | null): Promise<LearningItemRow> {
    if (validity && validity.months === 0 && validity.days === 0) {
      throw new DomainError('BAD_USER_INPUT', 'A validity period must be longer than zero; pass null to clear it', { field: 'validity' });
    }
    return this.db.transaction(async (tx) => {
      const [item] = await queryRows<LearningItemRow>(
        tx,
        `update learning_item i set validity_months = $2, validity_days = $3, updated_at = now() where i.id = $1 returning ${ITEM_COLUMNS}`,
        [itemId, validity?.months ?? null, validity?.days ?? null],
      );
      if (!item) throw notFound('LearningItem', itemId);
      await tx.query(
        `update learning_record r set valid_until = case when $2::integer is null then null
                  else r.completed_at + make_interval(months => $2::integer, days => $3::integer) end, updated_at = now()
          where r.item_id = $1 and r.completed_at is not null`,
        [itemId, validity?.months ?? null, validity?.days ?? null],
      );
      return item;
    });
  }

  /** Completing `equivalentId` counts as completing `itemId` (and the reverse too when `mutual`). */
  async addEquivalence(itemId: string, equivalentId: string, mutual: boolean): Promise<LearningItemRow> {
    if (itemId === equivalentId) throw new DomainError('BAD_USER_INPUT', 'An item is trivially equivalent to itself', { field: 'equivalentItemId' });
    await this.db.transaction(async (tx) => {
      const found = await queryRows<{ id: string }>(tx, `select id from learning_item where id = any($1::bigint[])`, [[itemId, equivalentId]]);
      if (found.length !== 2) throw new DomainError('NOT_FOUND', 'Both items must exist', { itemId, equivalentId });
      const pairs = mutual ? [[itemId, equivalentId], [equivalentId, itemId]] : [[itemId, equivalentId]];
      for (const [a, b] of pairs) {
        await tx.query(`insert into learning_item_equivalence (item_id, equivalent_item_id) values ($1, $2) on conflict do nothing`, [a, b]);
      }
    });
    return this.get(itemId);
  }

  async removeEquivalence(itemId: string, equivalentId: string, mutual: boolean): Promise<LearningItemRow> {
    await this.db.query(
      `delete from learning_item_equivalence where (item_id = $1 and equivalent_item_id = $2) or ($3 and item_id = $2 and equivalent_item_id = $1)`,
      [itemId, equivalentId, mutual],
    );
    return this.get(itemId);
  }

  async get(itemId: string): Promise<LearningItemRow> {
    const [item] = await queryRows<LearningItemRow>(this.db, `select ${ITEM_COLUMNS} from learning_item i where i.id = $1`, [itemId]);
    if (!item) throw notFound('LearningItem', itemId);
    return item;
  }
}
