import assert from 'node:assert/strict';
import { appendFileSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import type { Readable } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import { FileError } from '../../src/ingest/file-error';
import { openPackage } from '../../src/ingest/package/open-package';
import type { PackageLimits } from '../../src/ingest/package/limits';
import { replaceAll, tempDir, writeZip } from './fixtures';

const MiB = 1024 * 1024;

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Asserts that `action` fails with a FileError of `rule` naming `file`. */
async function rejectsWith(action: () => Promise<unknown>, rule: string, file: string): Promise<FileError> {
  try {
    await action();
  } catch (error) {
    assert.ok(error instanceof FileError, `expected a FileError, got ${String(error)}`);
    assert.equal(error.rule, rule, error.message);
    assert.equal(error.diagnostic.file, file);
    assert.ok(error.message.includes(file), `the message names ${file}: ${error.message}`);
    return error;
  }
  assert.fail(`expected ${rule}`);
}

describe('packages', () => {
  const tmp = tempDir('package');
  after(() => tmp.remove());

  describe('zip', () => {
    it('lists root-level entries and streams each one, as often as asked', async () => {
      const zip = tmp.file('roster.zip');
      await writeZip(zip, [
        { name: 'manifest.csv', data: 'propertyName,value\nmanifest.version,1.0\n' },
        { name: 'users.csv', data: 'sourcedId\nu1\n', compress: false },
        { name: '__MACOSX/._users.csv', data: 'resource fork' },
      ]);
      const pkg = await openPackage(zip);
      try {
        assert.equal(pkg.kind, 'zip');
        assert.equal(pkg.label, 'roster.zip');
        assert.deepEqual(
          pkg.entries.map((e) => [e.name, e.declaredSize]),
          [
            ['manifest.csv', 40],
            ['users.csv', 13],
          ],
        );
        const users = pkg.entry('users.csv');
        assert.ok(users);
        assert.equal((await readAll(await users.open())).toString(), 'sourcedId\nu1\n');
        assert.equal((await readAll(await users.open())).toString(), 'sourcedId\nu1\n');
        assert.equal((await readAll(await pkg.entry('manifest.csv')!.open())).toString(), 'propertyName,value\nmanifest.version,1.0\n');
        assert.equal(pkg.entry('Users.csv'), undefined, 'names are case-sensitive');
      } finally {
        await pkg.close();
      }
    });

    it('refuses zip slip: a ".." path, an absolute path, a backslash path', async () => {
      for (const [evil, placeholder] of [
        ['../evil.csv', 'aa_evil.csv'],
        ['/evil.csv', '_evil.csv'],
        ['..\\evil.csv', 'aa_evil.csv'],
      ] as const) {
        const zip = tmp.file('slip.zip');
        await writeZip(zip, [{ name: 'users.csv', data: 'a\n' }, { name: placeholder, data: 'pwned' }], [[placeholder, evil]]);
        const error = await rejectsWith(() => openPackage(zip), 'package.entry.unsafe_path', evil);
        assert.match(error.message, /points outside the package/);
      }
    });

    it('refuses an entry inside a folder, saying how to zip it instead', async () => {
      const zip = tmp.file('nested.zip');
      await writeZip(zip, [{ name: 'export/users.csv', data: 'a\n' }]);
      const error = await rejectsWith(() => openPackage(zip), 'package.entry.nested', 'export/users.csv');
      assert.match(error.message, /zip the files, not their folder/);
    });

    it('refuses a zip bomb: a big entry that compresses too well', async () => {
      const zip = tmp.file('bomb.zip');
      await writeZip(zip, [{ name: 'users.csv', data: Buffer.alloc(64 * MiB, 0x2c) }]);
      const error = await rejectsWith(() => openPackage(zip), 'package.entry.compression_ratio', 'users.csv');
      assert.match(error.message, /zip bomb/);
    });

    it('refuses an entry over the size limit, and a package over the total', async () => {
      const limits: Partial<PackageLimits> = { maxEntryBytes: 1 * MiB, maxTotalBytes: 3 * MiB / 2 };
      const big = tmp.file('big.zip');
      await writeZip(big, [{ name: 'users.csv', data: Buffer.alloc(2 * MiB, 'a'), compress: false }]);
      await rejectsWith(() => openPackage(big, limits), 'package.entry.too_large', 'users.csv');
      const many = tmp.file('total.zip');
      await writeZip(many, [
        { name: 'a.csv', data: Buffer.alloc(MiB, 'a'), compress: false },
        { name: 'b.csv', data: Buffer.alloc(MiB, 'b'), compress: false },
      ]);
      await rejectsWith(() => openPackage(many, limits), 'package.too_large', 'b.csv');
    });

    it('refuses more entries than allowed and the same name twice', async () => {
      const zip = tmp.file('count.zip');
      await writeZip(
        zip,
        ['a', 'b', 'c', 'd'].map((n) => ({ name: `${n}.csv`, data: 'x\n' })),
      );
      await rejectsWith(() => openPackage(zip, { maxEntries: 3 }), 'package.too_many_entries', 'count.zip');
      const twice = tmp.file('twice.zip');
      await writeZip(twice, [
        { name: 'users.csv', data: 'a\n' },
        { name: 'users.csv', data: 'b\n' },
      ]);
      await rejectsWith(() => openPackage(twice), 'package.entry.duplicate', 'users.csv');
    });

    it('stops an entry whose header understates its size while it streams', async () => {
      const zip = tmp.file('liar.zip');
      const content = Buffer.from('sourcedId\n' + 'u,'.repeat(100_000));
      await writeZip(zip, [{ name: 'users.csv', data: content }]);
      // Rewrite the stated uncompressed size (local header and central directory) to 1000.
      const bytes = readFileSync(zip);
      const size = Buffer.alloc(4);
      size.writeUInt32LE(content.length);
      const small = Buffer.alloc(4);
      small.writeUInt32LE(1000);
      writeFileSync(zip, replaceAll(bytes, size, small));
      const pkg = await openPackage(zip);
      try {
        const entry = pkg.entry('users.csv')!;
        assert.equal(entry.declaredSize, 1000);
        await rejectsWith(async () => readAll(await entry.open()), 'package.entry.corrupt', 'users.csv');
      } finally {
        await pkg.close();
      }
    });

    it('refuses a .zip that is not a zip', async () => {
      const fake = tmp.file('fake.zip');
      writeFileSync(fake, 'sourcedId\nu1\n');
      await rejectsWith(() => openPackage(fake), 'package.zip.unreadable', 'fake.zip');
      const truncated = tmp.file('truncated.zip');
      await writeZip(truncated, [{ name: 'users.csv', data: 'a\n' }]);
      writeFileSync(truncated, readFileSync(truncated).subarray(0, 40));
      await rejectsWith(() => openPackage(truncated), 'package.zip.unreadable', 'truncated.zip');
    });
  });

  describe('folder and single file', () => {
    let folder: string;
    before(() => {
      folder = tmp.file('drop');
      mkdirSync(`${folder}/archive`, { recursive: true });
      writeFileSync(`${folder}/users.csv`, 'sourcedId\nu1\n');
      writeFileSync(`${folder}/orgs.csv`, 'sourcedId\no1\n');
      writeFileSync(`${folder}/.users.csv.part`, 'half');
      writeFileSync(`${folder}/archive/old.csv`, 'old');
    });

    it('reads the regular files at the folder root, not sub-folders or dot files', async () => {
      const pkg = await openPackage(folder);
      assert.equal(pkg.kind, 'folder');
      assert.deepEqual(
        pkg.entries.map((e) => e.name),
        ['orgs.csv', 'users.csv'],
      );
      assert.equal((await readAll(await pkg.entry('users.csv')!.open())).toString(), 'sourcedId\nu1\n');
    });

    it('refuses a symbolic link in the folder', async () => {
      const linked = tmp.file('linked');
      mkdirSync(linked);
      symlinkSync('/etc/hostname', `${linked}/users.csv`);
      await rejectsWith(() => openPackage(linked), 'package.entry.symlink', 'users.csv');
    });

    it('reads a single CSV file as a one-entry package', async () => {
      const pkg = await openPackage(`${folder}/users.csv`);
      assert.equal(pkg.kind, 'file');
      assert.deepEqual(
        pkg.entries.map((e) => [e.name, e.declaredSize]),
        [['users.csv', 13]],
      );
    });

    it('counts the bytes really read: a file that grows past the limit after opening is stopped', async () => {
      const growing = tmp.file('SCORM20240901');
      writeFileSync(growing, 'username\n');
      const pkg = await openPackage(growing, { maxEntryBytes: 64 * 1024 });
      appendFileSync(growing, Buffer.alloc(256 * 1024, 'a'));
      await rejectsWith(async () => readAll(await pkg.entries[0]!.open()), 'package.entry.too_large', 'SCORM20240901');
    });

    it('says when the path does not exist', async () => {
      await rejectsWith(() => openPackage(tmp.file('nowhere.zip')), 'package.missing', 'nowhere.zip');
    });
  });
});
