import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Points consumed per key in the current window, and when the window ends (ms since the
 * epoch), in the shape of rate-limiter-flexible's Postgres store (whose rows earlier versions
 * wrote). Shared by every instance, so a limit holds across them; each instance adds its counts
 * in batches (rate-limit-store.ts). The migration makes it UNLOGGED (TypeORM cannot say so):
 * no WAL flush per write, and a crash only starts every window afresh.
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
