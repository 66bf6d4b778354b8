import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, utimesSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ApiRole } from '../../src/auth/role';
import { writeZip } from '../ingest/fixtures';
import { startTestApp, type TestApp } from '../support/app';
import { createSource, jobsOf, syncAndWait, testSecretsKey } from '../support/sources';
import { generateFullExport, rowCounts, writeExport } from './generator';
import { tableCounts, tempDir } from './support';

/**
 * Offboarding exports reach sources as zips; a source of format `edreflect` imports each once.
 * The sources module's default pattern for edreflect is `*.csv`, but an export is one unit
 * (one transaction, change lists beside the tables), so these sources name `*.zip`.
 */
describe('EdReflect from a source', () => {
  let app: TestApp;
  let drop: string;
  before(async () => {
    drop = mkdtempSync(path.join(os.tmpdir(), 'edreflect-drop-'));
    app = await startTestApp({ env: { SOURCE_FOLDER_ROOTS: drop, SECRETS_KEY: testSecretsKey() } });
  });
  after(() => app.close());

  it('imports a dropped export zip into the system its format options name, once', async () => {
    const folder = path.join(drop, 'edreflect');
    mkdirSync(folder);
    const source = await createSource(app, { name: 'EdReflect offboarding', kind: 'LOCAL_FOLDER', format: 'EDREFLECT', folder, settleSeconds: 1, filePatterns: ['*.zip'], formatOptions: { system: 'district', identity: { rules: [{ field: 'employeeId', kinds: ['identifier'] }] } } });
    const data = generateFullExport();
    const dir = writeExport(tempDir('source'), data);
    const zip = path.join(folder, 'offboarding-export.zip');
    await writeZip(zip, readdirSync(dir).map((name) => ({ name, data: readFileSync(path.join(dir, name)) })));
    const written = Math.floor(Date.now() / 1000) - 60;
    utimesSync(zip, written, written);

    const first = await syncAndWait(app, source.localId);
    const issues = (await app.db.dataSource.query(`select code, message from sync_job_issue where job_id = $1`, [first.id])) as unknown[];
    assert.equal(first.status, 'SUCCEEDED', JSON.stringify({ first, issues }));
    const imports = (await app.db.dataSource.query(`select status from sync_job where source_id = $1 and kind = 'source.import'`, [source.localId])) as unknown[];
    assert.deepEqual(imports, [{ status: 'SUCCEEDED' }], JSON.stringify({ result: first.result, issues }));
    assert.deepEqual(await tableCounts(app, 'district'), rowCounts(data));
    // The source's identity rules, not the defaults, say how its users are matched.
    const persons = (await app.db.dataSource.query(`select distinct rules from external_person where system = 'edreflect:district'`)) as { rules: unknown }[];
    assert.deepEqual(persons, [{ rules: [{ field: 'employeeId', kinds: ['identifier'] }] }]);

    await syncAndWait(app, source.localId);
    assert.equal((await jobsOf(app, source.localId, 'source.import')).length, 1, 'a file already imported is not imported again');
  });

  it('refuses a source whose identity rules are malformed, naming the option', async () => {
    const res = await app.gql(
      `mutation($input: CreateSourceInput!) { createSource(input: $input) { id } }`,
      { input: { name: 'Bad rules', kind: 'LOCAL_FOLDER', format: 'EDREFLECT', folder: drop, filePatterns: ['*.zip'], formatOptions: { identity: { rules: [{ field: 'email', kinds: ['phone'] }] } } } },
      { role: ApiRole.INTEGRATOR },
    );
    assert.equal(res.errors?.[0]?.extensions?.['code'], 'BAD_USER_INPUT');
    assert.match(res.errors?.[0]?.message ?? '', /EdReflect identity: rules\.0\.kinds\.0/);
  });
});
