import { Field, Float, Int, ObjectType } from 'type-graphql';

@ObjectType('EdReflectColumn', { description: 'A column seen in an EdReflect table, as stored now (column discovery).' })
export class EdReflectColumn {
  @Field(() => String, { description: 'The table: the file name without `.csv`.' })
  table!: string;

  @Field(() => String, { description: 'The header name, exactly as sent.' })
  column!: string;

  @Field(() => String, { description: 'The narrowest type every filled value fits: integer, number, boolean, date, timestamp, text, or empty.' })
  inferredType!: string;

  @Field(() => Int, { description: 'Rows where the column is filled.' })
  filled!: number;

  @Field(() => Int, { description: 'Rows of the table.' })
  rowCount!: number;

  @Field(() => Float, { description: 'filled / rowCount (0-1).' })
  fillRate!: number;
}
