import assert from 'node:assert/strict';
import net from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, it } from 'node:test';
import pino from 'pino';
import type { DataSource } from 'typeorm';
import { KeyRateLimiter, type RateLimitSettings } from '../../src/auth/rate-limit/key-rate-limiter';
import { rowKeyOf } from '../../src/auth/rate-limit/rate-limit-store';
import { createDataSource } from '../../src/db/data-source';
import { enterStatementCounter } from '../../src/db/query-counter';
import { createLogger } from '../../src/shared/logger';
import { createTestDatabase, type TestDatabase } from '../support/database';

const silent = createLogger('silent');
/** Long enough that only the syncs a test asks for happen. */
const MANUAL = 600_000;

/** SQL statements `fn` runs through the DataSource (TypeORM's logger counts them per async context). */
function statementsOf(fn: () => Promise<unknown>): Promise<number> {
  return new Promise((resolve, reject) =>
    setImmediate(() => {
      const counter = enterStatementCounter();
      fn().then(() => resolve(counter.statements), reject);
    }),
  );
}

/** Log lines at warn and above, as objects. */
function capturingLogger(): { log: ReturnType<typeof createLogger>; lines: { level: number; msg: string }[] } {
  const lines: { level: number; msg: string }[] = [];
  const log = pino({ level: 'info' }, { write: (line: string) => void lines.push(JSON.parse(line) as { level: number; msg: string }) });
  return { log, lines };
}

/** A TCP forwarder to Postgres that can be cut and restored: the database going away and coming back. */
class CuttableLink {
  private server: net.Server | undefined;
  private readonly sockets = new Set<net.Socket>();
  port = 0;

  constructor(private readonly target: { host: string; port: number }) {}

  async open(): Promise<void> {
    const server = net.createServer((client) => {
      const upstream = net.connect(this.target.port, this.target.host);
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.on('close', () => this.sockets.delete(s));
        s.on('error', () => s.destroy());
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve) => server.listen(this.port, '127.0.0.1', resolve));
    this.port = (server.address() as net.AddressInfo).port;
    this.server = server;
  }

  async cut(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    for (const s of this.sockets) s.destroy();
    await new Promise((resolve) => server?.close(resolve));
  }
}

describe('rate limits counted in memory and shared through Postgres in batches', () => {
  let db: TestDatabase;
  const limiters: KeyRateLimiter[] = [];
  before(async () => {
    db = await createTestDatabase();
  });
  after(async () => {
    for (const limiter of limiters) await limiter.stop();
    await db.drop();
  });

  const limiter = (settings: RateLimitSettings, dataSource: DataSource = db.dataSource, log = silent): KeyRateLimiter => {
    const made = new KeyRateLimiter(dataSource, settings, log);
    limiters.push(made);
    return made;
  };
  const stored = async (subject: string): Promise<number | undefined> => {
    const rows = (await db.dataSource.query('select points from rate_limit where key = $1', [rowKeyOf(subject)])) as { points: number }[];
    return rows[0]?.points;
  };
  const takeMany = async (l: KeyRateLimiter, subject: string, n: number): Promise<number> => {
    let allowed = 0;
    for (let i = 0; i < n; i++) if ((await l.take(subject)).allowed) allowed += 1;
    return allowed;
  };

  it('decides requests without a statement; one statement then carries every subject touched since the last sync', async () => {
    const l = limiter({ points: 100, durationSeconds: 60, syncMs: MANUAL });
    const taking = await statementsOf(async () => {
      assert.equal(await takeMany(l, 'addr:10.0.0.1', 7), 7);
      assert.equal(await takeMany(l, 'addr:10.0.0.2', 3), 3);
    });
    assert.equal(taking, 0);
    assert.equal(await stored('addr:10.0.0.1'), undefined, 'nothing reached Postgres before the sync');
    assert.equal(await statementsOf(() => l.sync()), 1);
    assert.equal(await stored('addr:10.0.0.1'), 7);
    assert.equal(await stored('addr:10.0.0.2'), 3);
    assert.equal(await statementsOf(() => l.sync()), 0, 'nothing new to send: no statement');
  });

  it('holds the budget within one instance; refused requests spend nothing', async () => {
    const l = limiter({ points: 5, durationSeconds: 60, syncMs: MANUAL });
    const decisions = [];
    for (let i = 0; i < 8; i++) decisions.push(await l.take('key:one'));
    assert.deepEqual(decisions.map((d) => d.allowed), [true, true, true, true, true, false, false, false]);
    const refused = decisions[7]!;
    assert.ok(!refused.allowed && refused.retryAfterSeconds >= 59 && refused.retryAfterSeconds <= 60, JSON.stringify(refused));
    await l.sync();
    assert.equal(await stored('key:one'), 5);
  });

  it('shares one budget between two instances on one database, overshooting by at most one interval of one instance', async () => {
    const points = 10;
    const perInterval = 3;
    const a = limiter({ points, durationSeconds: 60, syncMs: MANUAL });
    const b = limiter({ points, durationSeconds: 60, syncMs: MANUAL });
    const granted: number[] = [];
    for (let round = 0; round < 6; round++) {
      // Each instance takes a few requests between syncs, as under load spread over both.
      granted.push((await takeMany(a, 'key:spread', perInterval)) + (await takeMany(b, 'key:spread', perInterval)));
      await Promise.all([a.sync(), b.sync()]);
    }
    const total = granted.reduce((x, y) => x + y, 0);
    assert.ok(total >= points && total <= points + perInterval, `granted ${granted.join(',')}`);
    assert.deepEqual(granted.slice(-2), [0, 0], 'once both know the total, both refuse');
    assert.equal(await stored('key:spread'), total);
    // Without sharing the two would have granted the budget twice.
    assert.ok(total < 2 * points);
  });

  it('refuses a subject over budget until its window ends, then starts a new window', async () => {
    const l = limiter({ points: 2, durationSeconds: 1, syncMs: MANUAL });
    assert.equal(await takeMany(l, 'key:short', 3), 2);
    await l.sync();
    assert.equal(await stored('key:short'), 2);
    await sleep(1_100);
    assert.equal(await takeMany(l, 'key:short', 1), 1);
    await l.sync();
    assert.equal(await stored('key:short'), 1, 'the new window counts from zero');
  });

  it('syncs by itself every interval, on a timer that keeps no process alive', async () => {
    const timers = () => process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;
    const before = timers();
    const l = limiter({ points: 10, durationSeconds: 60, syncMs: 20 });
    assert.equal(timers(), before, 'the sync timer is unref’d');
    await l.take('key:timed');
    const deadline = Date.now() + 10_000;
    while ((await stored('key:timed')) !== 1) {
      assert.ok(Date.now() < deadline, 'no sync within 10 s');
      await sleep(20);
    }
  });

  it('sends the points counted since the last sync when it stops', async () => {
    const l = new KeyRateLimiter(db.dataSource, { points: 10, durationSeconds: 60, syncMs: MANUAL }, silent);
    assert.equal(await takeMany(l, 'key:stopping', 4), 4);
    assert.equal(await stored('key:stopping'), undefined);
    await l.stop();
    assert.equal(await stored('key:stopping'), 4);
  });

  it('limits in memory with a warning while Postgres cannot answer, and sends the counts once it can', async () => {
    const target = new URL(db.url);
    const link = new CuttableLink({ host: target.hostname, port: Number(target.port) });
    await link.open();
    const viaLink = new URL(db.url);
    viaLink.port = String(link.port);
    const dataSource = createDataSource(viaLink.toString(), silent, { poolSize: 2 });
    await dataSource.initialize();
    try {
      const { log, lines } = capturingLogger();
      const l = limiter({ points: 3, durationSeconds: 60, syncMs: MANUAL }, dataSource, log);
      assert.equal(await takeMany(l, 'key:outage', 1), 1);
      await l.sync();
      assert.equal(await stored('key:outage'), 1);

      await link.cut();
      assert.equal(await takeMany(l, 'key:outage', 4), 2, 'the same budget, counted in memory');
      await l.sync();
      await l.sync();
      const warnings = lines.filter((line) => line.level === 40);
      assert.deepEqual(warnings.map((w) => w.msg), ['rate limit store unavailable; limiting in memory'], 'one warning per outage');
      assert.equal(await stored('key:outage'), 1);

      await link.open();
      await l.sync();
      assert.equal(await stored('key:outage'), 3, 'the points counted during the outage');
      assert.ok(lines.some((line) => line.level === 30 && line.msg.includes('answers again')));
      assert.equal((await l.take('key:outage')).allowed, false);
    } finally {
      await link.cut();
      await dataSource.destroy().catch(() => {});
    }
  });
});
