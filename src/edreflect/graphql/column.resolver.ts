import { Arg, Authorized, Ctx, Query, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { EdReflectColumn } from './column.type';

@Resolver()
export class EdReflectColumnResolver {
  @Authorized()
  @Query(() => [EdReflectColumn], { description: "Column discovery: per table of an EdReflect system's stored export, the columns seen, their inferred types and fill rates; ordered by table, then column." })
  async edReflectColumns(
    @Arg('system', () => String, { defaultValue: 'default' }) system: string,
    @Arg('table', () => String, { nullable: true, description: 'Only this table.' }) table: string | null,
    @Ctx() ctx: Context,
  ): Promise<EdReflectColumn[]> {
    const rows = (await ctx.db.query(
      `select table_name, column_name, inferred_type, filled, row_count from edreflect_column
       where system = $1 and ($2::text is null or table_name = $2) order by table_name, column_name`,
      [system, table ?? null],
    )) as { table_name: string; column_name: string; inferred_type: string; filled: number; row_count: number }[];
    return rows.map((r) => ({
      table: r.table_name,
      column: r.column_name,
      inferredType: r.inferred_type,
      filled: r.filled,
      rowCount: r.row_count,
      fillRate: r.row_count === 0 ? 0 : r.filled / r.row_count,
    }));
  }
}
