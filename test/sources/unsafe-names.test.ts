import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ApiRole } from '../../src/auth/role';
import { toGlobalId } from '../../src/graphql/relay/global-id';
import { isPlainFileName } from '../../src/sources/folder/remote-folder';
import { startTestApp, type TestApp } from '../support/app';
import { startSshd, type RunningSshd } from '../support/sshd';
import { CountingCsvImporter, createImportTable, importedFiles, numberedCsv } from '../support/test-importer';
import { createSource, day, ledger, put, sftpInput, syncAndWait, testSecretsKey } from '../support/sources';
import { TestSourceDocument } from '../__generated__/graphql';

const now = () => Math.floor(Date.now() / 1000);

describe('file names a server should never have listed', () => {
  it('accepts plain names and refuses separators, dot names and control characters', () => {
    for (const name of ['SCORM20261122', 'roster 2026.zip', 'naïve-ünïcode.csv', '..hidden.csv', 'a..b.csv']) assert.equal(isPlainFileName(name), true, name);
    for (const name of ['', '.', '..', '../etc/passwd', 'a/b.csv', '..\\..\\evil.csv', 'evil\n.csv', 'bell\u0007.csv', 'nul\u0000.csv', 'del\u007f.csv']) {
      assert.equal(isPlainFileName(name), false, JSON.stringify(name));
    }
  });

  describe('over real SFTP', () => {
    let sshd: RunningSshd;
    let app: TestApp;
    const importer = new CountingCsvImporter('lms');

    before(async () => {
      sshd = await startSshd();
      app = await startTestApp({ importers: [importer], env: { SECRETS_KEY: testSecretsKey() } });
      await createImportTable(app.db.dataSource);
    });
    after(async () => {
      await app?.close();
      await sshd?.stop();
    });

    it('reads the plain file, archives it inside the folder, and reports the others without touching them', async () => {
      const source = await createSource(
        app,
        sftpInput(sshd, 'hostile', { filePatterns: ['SCORMYYYYMMDD', '*.csv'], processedAction: 'ARCHIVE', archiveFolder: 'done' }),
      );
      const dir = path.join(sshd.root.dataDir, 'hostile');
      const plain = `SCORM${day(-1)}`;
      const unsafe = ['..\\..\\evil.csv', 'line\nbreak.csv', '\u001b[31mred.csv'];
      put(dir, plain, numberedCsv(4), now() - 120);
      for (const name of unsafe) put(dir, name, numberedCsv(2), now() - 120);

      const tested = await app.gql(TestSourceDocument, { id: toGlobalId('Source', source.localId) }, { role: ApiRole.INTEGRATOR });
      assert.equal(tested.errors, undefined, JSON.stringify(tested.errors));
      const files = tested.data!.testSource.files;
      assert.deepEqual(files.filter((f) => f.status === 'UNSAFE_NAME').map((f) => [f.name, f.willImport]).sort(), unsafe.map((n) => [n, false]).sort());
      assert.deepEqual(files.filter((f) => f.willImport).map((f) => f.name), [plain]);

      await syncAndWait(app, source.localId); // first listing: sizes not yet known to be stable
      const sync = await syncAndWait(app, source.localId);
      assert.equal(sync.status, 'SUCCEEDED');
      assert.equal(sync.result['unsafeNames'], 3);
      const issues = (await app.db.dataSource.query(`select code, file from sync_job_issue where job_id = $1 order by id`, [sync.id])) as {
        code: string;
        file: string;
      }[];
      assert.deepEqual(issues.map((i) => i.code), Array(3).fill('source.file.unsafe-name'));
      assert.ok(issues.every((i) => !/[\u0000-\u001f]/.test(i.file)), 'control characters are escaped in reports');

      assert.deepEqual((await importedFiles(app.db.dataSource)).filter((f) => f.sourceId === source.localId).map((f) => f.lines), [4]);
      assert.deepEqual((await ledger(app, source.localId)).map((r) => r.name), [plain], 'only the plain name enters the ledger');
      assert.deepEqual(readdirSync(path.join(dir, 'done')), [plain], 'archived inside the source folder');
      for (const name of unsafe) assert.ok(existsSync(path.join(dir, name)), `${JSON.stringify(name)} is left where it was`);
      assert.deepEqual(readdirSync(path.dirname(dir)).filter((n) => n.includes('evil')), [], 'nothing was written beside the folder');
    });
  });
});
