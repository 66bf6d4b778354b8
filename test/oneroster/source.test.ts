import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, utimesSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startTestApp, type TestApp } from '../support/app';
import { createSource, jobsOf, ledger, syncAndWait, testSecretsKey } from '../support/sources';
import { SAMPLES } from './support';

/** A SIS drops OneRoster zips in a folder; a source imports each once, through the real importer. */
describe('OneRoster from a drop folder', () => {
  let app: TestApp;
  let drop: string;
  before(async () => {
    drop = mkdtempSync(path.join(os.tmpdir(), 'oneroster-drop-'));
    app = await startTestApp({ env: { SOURCE_FOLDER_ROOTS: drop, SECRETS_KEY: testSecretsKey() } });
  });
  after(() => app.close());

  it('imports a dropped zip with the source format options, once', async () => {
    const folder = path.join(drop, 'sis');
    mkdirSync(folder);
    const source = await createSource(app, {
      name: 'SIS OneRoster',
      kind: 'LOCAL_FOLDER',
      format: 'ONEROSTER',
      folder,
      // A new file must look the same on two listings a second apart before it is read.
      settleSeconds: 1,
      formatOptions: { strictness: 'LENIENT', system: 'sis' },
    });
    copyFileSync(path.join(SAMPLES, 'lepo-roster-hub/en/oneroster.zip'), path.join(folder, 'roster.zip'));
    // Written a minute ago: a file still being written would be left for a later sync.
    const written = Math.floor(Date.now() / 1000) - 60;
    utimesSync(path.join(folder, 'roster.zip'), written, written);
    const first = await syncAndWait(app, source.localId);
    assert.equal(first.status, 'SUCCEEDED');
    const imports = (await app.db.dataSource.query(`select status, added from sync_job where source_id = $1 and kind = 'source.import'`, [source.localId])) as unknown[];
    assert.deepEqual(imports, [{ status: 'SUCCEEDED', added: 82 }]);
    const users = (await app.db.dataSource.query(`select count(*)::int as n from roster_user where system = 'sis'`)) as { n: number }[];
    assert.equal(users[0]?.n, 20);

    await syncAndWait(app, source.localId);
    assert.equal((await jobsOf(app, source.localId, 'source.import')).length, 1, 'a file already imported is not imported again');
    assert.deepEqual((await ledger(app, source.localId)).map((r) => [r.name, r.status]), [['roster.zip', 'IMPORTED']]);
  });

  it('refuses format options the importer does not know', async () => {
    await assert.rejects(
      createSource(app, { name: 'bad', kind: 'LOCAL_FOLDER', format: 'ONEROSTER', folder: drop, formatOptions: { strictnes: 'LENIENT' } }),
      /strictnes/,
    );
  });
});
