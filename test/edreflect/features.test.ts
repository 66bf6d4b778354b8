import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ApiRole } from '../../src/auth/role';
import { writeZip } from '../ingest/fixtures';
import { startTestApp, type TestApp } from '../support/app';
import { createTestDatabase } from '../support/database';
import { generateFullExport, writeExport, type Export } from './generator';
import { importExport, outcomeOf, tableCounts, tempDir } from './support';

const COLUMNS = `query($system: String!, $table: String) { edReflectColumns(system: $system, table: $table) { table column inferredType filled rowCount fillRate } }`;
const IMPORT = `mutation($input: ImportEdReflectInput!) { importEdReflect(input: $input) { id kind } }`;

const RUBRICS = `query($system: String!) { edReflectRubrics(system: $system) { edReflectId name standards { edReflectId } indicators { level name children { level children { level children { level edReflectId values } } } } } }`;

interface IndicatorView {
  level: number;
  children?: IndicatorView[];
}

interface RubricView {
  name: string;
  standards: { edReflectId: string }[];
  indicators: IndicatorView[];
}

interface ColumnView {
  table: string;
  column: string;
  inferredType: string;
  filled: number;
  rowCount: number;
  fillRate: number;
}

function csv(columns: string[], rows: string[][]): string {
  return `${[columns, ...rows].map((r) => r.join(',')).join('\n')}\n`;
}

describe('EdReflect import: indicators, unknown data, references, entry points', () => {
  let app: TestApp;
  const root = tempDir('roots');

  before(async () => {
    app = await startTestApp({ env: { IMPORT_ROOTS: root } });
  });
  after(async () => {
    await app?.close();
  });

  it('keeps rubric indicators as a tree four levels deep', async () => {
    const outcome = await importExport(app, { path: writeExport(tempDir('tree'), generateFullExport()), system: 'tree' });
    assert.equal(outcome.status, 'SUCCEEDED', outcome.failureMessage ?? '');
    // Walk every level-4 indicator up through its parents to its rubric.
    const rows = (await app.db.dataSource.query(
      `with recursive up as (
         select r.row_id as leaf, r.parent_id, r.root_id, 1 as depth from edreflect_row r
         where r.system = 'tree' and r.table_name = 'rubrics.indicators.indicators.indicators.indicators'
         union all
         select up.leaf, p.parent_id, p.root_id, up.depth + 1 from up
         join edreflect_row p on p.system = 'tree' and p.table_name like 'rubrics.indicators%' and p.row_id = up.parent_id and up.parent_id <> up.root_id
       )
       select leaf, max(depth)::int as depth, bool_and(exists (select 1 from edreflect_row k where k.system = 'tree' and k.table_name = 'rubrics' and k.row_id = up.root_id)) as rooted
       from up group by leaf`,
    )) as { leaf: string; depth: number; rooted: boolean }[];
    assert.equal(rows.length, 12);
    assert.deepEqual([...new Set(rows.map((r) => `${r.depth} ${r.rooted}`))], ['4 true']);

    // The same tree, typed, through the graph.
    const res = await app.gql<{ edReflectRubrics: RubricView[] }, { system: string }>(RUBRICS, { system: 'tree' }, { role: ApiRole.READER });
    assert.equal(res.errors, undefined, JSON.stringify(res.errors));
    const rubrics = res.data?.edReflectRubrics ?? [];
    assert.equal(rubrics.length, 3);
    const first = rubrics[0];
    assert.ok(first);
    assert.deepEqual([first.name, first.standards.length, first.indicators.length], ['rubrics 1', 2, 2]);
    const shape = (i: IndicatorView): string => `${i.level}${i.children?.length ? `(${i.children.map(shape).join(' ')})` : ''}`;
    // Two domains, each with two level-2 indicators, each with one level 3 and one level 4 below.
    assert.deepEqual(first.indicators.map(shape), ['1(2(3(4)) 2(3(4)))', '1(2(3(4)) 2(3(4)))']);
  });

  it('keeps unknown tables and columns, read from a zip, and lists them in column discovery', async () => {
    const data: Export = generateFullExport();
    const users = data.get('users');
    assert.ok(users);
    users.columns.push('surpriseColumn');
    users.rows.forEach((r, i) => (r['surpriseColumn'] = i % 2 ? '' : `x${i}`));
    data.set('widgets.gadgets', { columns: ['gadgetKey', 'colour', 'weight'], rows: [{ gadgetKey: 'g1', colour: 'red', weight: '1.5' }, { gadgetKey: 'g2', colour: '', weight: '2' }] });
    const dir = writeExport(tempDir('unknown'), data);
    const zip = path.join(tempDir('zip'), 'export.zip');
    const { readdirSync, readFileSync } = await import('node:fs');
    await writeZip(zip, readdirSync(dir).map((name) => ({ name, data: readFileSync(path.join(dir, name)) })));

    const outcome = await importExport(app, { path: zip, system: 'unknown' });
    assert.equal(outcome.status, 'SUCCEEDED', outcome.failureMessage ?? '');
    assert.equal((await tableCounts(app, 'unknown'))['widgets.gadgets'], 2);
    const [gadget] = (await app.db.dataSource.query(`select "values", group_name from edreflect_row where system = 'unknown' and table_name = 'widgets.gadgets' order by line limit 1`)) as {
      values: Record<string, string>;
      group_name: string;
    }[];
    assert.deepEqual(gadget, { values: { gadgetKey: 'g1', colour: 'red', weight: '1.5' }, group_name: 'widgets' });

    const res = await app.gql<{ edReflectColumns: ColumnView[] }, { system: string; table?: string }>(COLUMNS, { system: 'unknown', table: 'users' }, { role: ApiRole.READER });
    assert.equal(res.errors, undefined);
    const byName = new Map((res.data?.edReflectColumns ?? []).map((c) => [c.column, c]));
    assert.deepEqual(byName.get('surpriseColumn'), { table: 'users', column: 'surpriseColumn', inferredType: 'text', filled: 3, rowCount: 6, fillRate: 0.5 });
    assert.deepEqual(
      ['id', 'email', 'isActive', 'createdAt', 'notes'].map((c) => `${c}:${byName.get(c)?.inferredType}`),
      ['id:text', 'email:text', 'isActive:boolean', 'createdAt:timestamp', 'notes:text'],
    );
    const all = await app.gql<{ edReflectColumns: ColumnView[] }, { system: string }>(COLUMNS, { system: 'unknown' });
    const gadgets = (all.data?.edReflectColumns ?? []).filter((c) => c.table === 'widgets.gadgets').map((c) => `${c.column}:${c.inferredType}:${c.filled}`);
    assert.deepEqual(gadgets, ['colour:text:1', 'gadgetKey:text:2', 'weight:number:2']);
  });

  it('reports broken references and repeated ids as warnings, and keeps the rows', async () => {
    const dir = tempDir('broken');
    writeExport(dir, new Map());
    const { writeFileSync } = await import('node:fs');
    writeFileSync(path.join(dir, 'rubrics.csv'), csv(['id', 'name'], [['r1', 'Teaching']]));
    writeFileSync(path.join(dir, 'rubrics.indicators.csv'), csv(['id', 'rubricId', 'name'], [['i1', 'r1', 'Planning']]));
    writeFileSync(path.join(dir, 'rubrics.indicators.indicators.csv'), csv(['id', 'rubricId', 'indicatorId', 'name'], [['i2', 'r1', 'i1', 'ok'], ['i3', 'r1', 'nope', 'orphan']]));
    writeFileSync(path.join(dir, 'observations.work.csv'), csv(['id', 'observationId'], [['w1', 'missing']]));
    writeFileSync(path.join(dir, 'users.csv'), csv(['id', 'email'], [['u1', 'a@example.org'], ['u1', 'b@example.org']]));
    const outcome = await importExport(app, { path: dir, system: 'broken' });
    assert.equal(outcome.status, 'SUCCEEDED', outcome.failureMessage ?? '');
    assert.deepEqual(outcome.issues, [
      'WARNING edreflect.row.repeated users.csv:2',
      'WARNING edreflect.reference.root observations.work.csv:2',
      'WARNING edreflect.reference.parent rubrics.indicators.indicators.csv:3',
    ]);
    assert.deepEqual(await tableCounts(app, 'broken'), { rubrics: 1, 'rubrics.indicators': 1, 'rubrics.indicators.indicators': 2, 'observations.work': 1, users: 1 });
    const [user] = (await app.db.dataSource.query(`select "values" from edreflect_row where system = 'broken' and table_name = 'users'`)) as { values: Record<string, string> }[];
    assert.equal(user?.values['email'], 'b@example.org');
  });

  it('queues an import from the importEdReflect mutation (path inside IMPORT_ROOTS)', async () => {
    const dir = path.join(root, 'export');
    mkdirSync(dir);
    writeExport(dir, generateFullExport());
    const res = await app.gql<{ importEdReflect: { id: string; kind: string } }, unknown>(IMPORT, { input: { path: dir, system: 'mutation' } }, { role: ApiRole.INTEGRATOR });
    assert.equal(res.errors, undefined, JSON.stringify(res.errors));
    assert.equal(res.data?.importEdReflect.kind, 'edreflect');
    // The mutation returns the job's global id (`SyncJob:<id>`, base64).
    const jobId = Buffer.from(res.data?.importEdReflect.id ?? '', 'base64').toString().split(':')[1] ?? '';
    const outcome = await outcomeOf(app, jobId);
    assert.equal(outcome.status, 'SUCCEEDED', outcome.failureMessage ?? '');
    assert.equal((await tableCounts(app, 'mutation'))['users'], 6);
    const reader = await app.gql(IMPORT, { input: { path: dir } }, { role: ApiRole.READER });
    assert.ok(reader.errors?.length);
  });

  it('stores nothing on a dry run, and the same export then imports', async () => {
    const dir = writeExport(tempDir('dry'), generateFullExport());
    const dry = await importExport(app, { path: dir, system: 'dry', dryRun: true });
    assert.equal(dry.status, 'SUCCEEDED', dry.failureMessage ?? '');
    assert.equal(dry.result['dryRun'], true);
    assert.ok(dry.counts.added > 0);
    assert.deepEqual(await tableCounts(app, 'dry'), {});
    const real = await importExport(app, { path: dir, system: 'dry' });
    assert.equal(real.counts.added, dry.counts.added);
    assert.deepEqual(real.issues, []);
  });

  it('runs from the CLI: learngraph import edreflect <path>', async () => {
    const db = await createTestDatabase();
    try {
      const cli = path.resolve(__dirname, '../../src/main.js');
      const dir = writeExport(tempDir('cli'), generateFullExport());
      const { code, stderr } = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
        const child = spawn(process.execPath, [cli, 'import', 'edreflect', dir, '--system', 'cli'], { env: { ...process.env, DATABASE_URL: db.url, LOG_LEVEL: 'error' }, stdio: ['ignore', 'ignore', 'pipe'] });
        let err = '';
        child.stderr.on('data', (c: Buffer) => (err += c.toString()));
        child.on('exit', (c) => resolve({ code: c, stderr: err }));
      });
      assert.equal(code, 0, stderr);
      assert.match(stderr, /SUCCEEDED/);
      const [{ n }] = (await db.dataSource.query(`select count(*)::int as n from edreflect_row where system = 'cli' and table_name = 'users'`)) as [{ n: number }];
      assert.equal(n, 6);
    } finally {
      await db.drop();
    }
  });
});
