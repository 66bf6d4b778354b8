import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * rate-limiter-flexible's Postgres store, in the shape it expects (it is told the table
 * exists and never creates it): points consumed per key in the current window, and when
 * the window ends (ms since the epoch). Shared by every instance, so a limit holds across them.
 * The migration makes it UNLOGGED (TypeORM cannot say so): no WAL flush per request.
 */
@Entity({ name: 'rate_limit' })
export class RateLimitEntity {
  @PrimaryColumn({ type: 'varchar', length: 255, name: 'key' })
  key!: string;

  @Column({ type: 'integer', name: 'points', default: 0 })
  points!: number;

  @Column({ type: 'bigint', name: 'expire', nullable: true })
  expire!: string | null;
}
