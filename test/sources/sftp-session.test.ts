import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { SftpConnectError } from '../../src/ingest/sftp/sftp-errors';
import { SftpSession, type SftpTarget, type SftpTuning } from '../../src/ingest/sftp/sftp-session';
import { startSshd, type RunningSshd } from '../support/sshd';

/** Short timings so that failure paths finish in about a second. */
const FAST: SftpTuning = {
  readyTimeoutMs: 5_000,
  keepaliveIntervalMs: 500,
  keepaliveCountMax: 2,
  connectRetries: 3,
  retryMinMs: 100,
  retryMaxMs: 400,
  endTimeoutMs: 1_000,
};

describe('SFTP sessions against a real OpenSSH server', () => {
  let sshd: RunningSshd;
  let root: SftpTarget;
  before(async () => {
    sshd = await startSshd({ passwordUser: true });
    root = { host: sshd.host, port: sshd.port, username: 'root', privateKey: sshd.root.privateKey, hostKeyFingerprint: sshd.hostKeyFingerprint };
  });
  after(() => sshd?.stop());

  const failure = async (target: SftpTarget, tuning = FAST): Promise<SftpConnectError> => {
    const error = await SftpSession.open(target, tuning).then(
      async (s) => {
        await s.close();
        return new Error('connected');
      },
      (e: unknown) => e,
    );
    assert.ok(error instanceof SftpConnectError, String(error));
    return error;
  };

  it('logs in with a password (chrooted user) and lists its folder', async () => {
    const user = sshd.passwordUser!;
    writeFileSync(path.join(user.localDir, 'F2F20240102.csv'), 'a\n1\n');
    const session = await SftpSession.open(
      { host: sshd.host, port: sshd.port, username: user.username, password: user.password, hostKeyFingerprint: sshd.hostKeyFingerprint },
      FAST,
    );
    try {
      assert.deepEqual((await session.list(user.remoteDir)).map((f) => [f.name, f.size]), [['F2F20240102.csv', 4]]);
      assert.equal(session.fingerprint, sshd.hostKeyFingerprint);
      assert.equal(session.attempts, 1);
    } finally {
      assert.equal(await session.close(), 'closed');
    }
  });

  it('treats a wrong password as a permanent auth failure: one attempt', async () => {
    const before = sshd.connectionCount();
    const error = await failure({ ...root, username: sshd.passwordUser!.username, privateKey: null, password: 'not-the-password' });
    assert.equal(error.reason, 'auth');
    assert.equal(error.permanent, true);
    assert.equal(error.attempts, 1);
    assert.equal(sshd.connectionCount() - before, 1);
    assert.match(error.message, /Authentication failed/);
  });

  it('refuses a host key that is not the pinned one, before sending credentials', async () => {
    const pinned = 'SHA256:' + 'A'.repeat(43);
    const error = await failure({ ...root, hostKeyFingerprint: pinned });
    assert.equal(error.reason, 'host-key-mismatch');
    assert.equal(error.attempts, 1);
    assert.equal(error.presentedFingerprint, sshd.hostKeyFingerprint);
    const unpinned = await failure({ ...root, hostKeyFingerprint: null });
    assert.equal(unpinned.reason, 'host-key-not-pinned');
    assert.match(unpinned.message, new RegExp(`presented ${sshd.hostKeyFingerprint.replace(/\+/g, '\\+')}`));
  });

  it('retries a refused connection with exponential backoff, then gives up', async () => {
    const started = Date.now();
    const error = await failure({ ...root, port: 1 }); // nothing listens on port 1 of loopback
    const elapsed = Date.now() - started;
    assert.equal(error.reason, 'network');
    assert.equal(error.permanent, false);
    assert.equal(error.attempts, FAST.connectRetries + 1);
    // 100-400 ms steps, randomised by 1-2x: at least 100+200+400 ms.
    assert.ok(elapsed >= 600 && elapsed < 5_000, `${elapsed} ms`);
  });

  it('returns from close() after its timeout when the server stops answering', async () => {
    const session = await SftpSession.open(root, { ...FAST, keepaliveIntervalMs: 60_000 });
    assert.ok(sshd.signalSessions('SIGSTOP') > 0);
    try {
      const started = Date.now();
      assert.equal(await session.close(), 'timed-out');
      const elapsed = Date.now() - started;
      assert.ok(elapsed >= 900 && elapsed < 2_500, `${elapsed} ms`);
    } finally {
      sshd.signalSessions('SIGCONT');
    }
  });

  it('fails a read from a frozen server through keepalive instead of hanging', async () => {
    writeFileSync(path.join(sshd.root.dataDir, 'big.csv'), Buffer.alloc(8 * 1024 * 1024, 'a'));
    const session = await SftpSession.open(root, FAST);
    sshd.signalSessions('SIGSTOP');
    const started = Date.now();
    try {
      await assert.rejects(async () => {
        for await (const _chunk of session.read(path.join(sshd.root.dataDir, 'big.csv'))) {
          // a frozen server sends nothing
        }
      });
      const elapsed = Date.now() - started;
      assert.ok(elapsed < 5_000, `${elapsed} ms`);
      assert.ok(session.lost, 'the session knows it is gone');
      await assert.rejects(() => session.list(sshd.root.dataDir), /connection lost/);
    } finally {
      sshd.signalSessions('SIGCONT');
      await session.close();
    }
  });
});
