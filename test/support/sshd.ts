/**
 * A real OpenSSH server for the SFTP tests, started per test file on a free 127.0.0.1 port
 * (research/ingest.md §5). Key auth for root serves `dataDir`; an optional password user is
 * created for the run, chrooted under /srv (a chroot under /tmp is refused by sshd), and
 * removed again in `stop()`. Nothing listens beyond loopback.
 */
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

const SSHD = '/usr/sbin/sshd';
const INSTALL_LOCK = path.join(os.tmpdir(), 'learngraph-openssh-install.lock');
/** Test users are named so, and their chroots live under CHROOT_PARENT, so stale ones can be found. */
const USER_PREFIX = 'lgsftp';
const CHROOT_PARENT = '/srv';

export interface PasswordUser {
  readonly username: string;
  readonly password: string;
  /** The folder the user sees as `/upload` (after chroot), on this machine. */
  readonly localDir: string;
  /** The same folder as the SFTP client sees it. */
  readonly remoteDir: '/upload';
  readonly uid: number;
}

export interface RunningSshd {
  readonly host: '127.0.0.1';
  readonly port: number;
  /** `SHA256:...` of the server's host key, as `ssh-keygen -lf` prints it. */
  readonly hostKeyFingerprint: string;
  /** Key auth for root; SFTP paths are absolute paths on this machine. */
  readonly root: { readonly username: 'root'; readonly privateKey: string; readonly dataDir: string };
  readonly passwordUser: PasswordUser | null;
  /** TCP connections sshd has accepted so far (from its VERBOSE log). */
  connectionCount(): number;
  /** sshd's per-connection processes (monitor and session), for cutting or freezing a session. */
  sessionPids(): number[];
  signalSessions(signal: NodeJS.Signals): number;
  stop(): Promise<void>;
}

/**
 * Makes sure /usr/sbin/sshd exists. When it does not and we are root (CI, the dev machines),
 * installs Debian's openssh-server once, with a policy-rc.d in place so that apt does not start
 * a system-wide daemon. Concurrent callers wait for the one holding the lock.
 */
export async function ensureOpenSshServer(): Promise<void> {
  if (existsSync(SSHD)) return;
  if (process.getuid?.() !== 0) {
    throw new Error(`${SSHD} is missing: install openssh-server (apt-get install openssh-server) or run the tests as root`);
  }
  let owner = false;
  try {
    writeFileSync(INSTALL_LOCK, String(process.pid), { flag: 'wx' });
    owner = true;
  } catch {
    // someone else is installing: wait for them below
  }
  if (!owner) {
    for (let i = 0; i < 600 && !existsSync(SSHD); i++) {
      if (!existsSync(INSTALL_LOCK)) break;
      await sleep(500);
    }
    if (existsSync(SSHD)) return;
    throw new Error(`${SSHD} is still missing after waiting for another install (remove ${INSTALL_LOCK} if stale)`);
  }
  const policy = '/usr/sbin/policy-rc.d';
  const ownPolicy = !existsSync(policy);
  try {
    if (ownPolicy) writeFileSync(policy, '#!/bin/sh\n# learngraph tests: never start services during apt-get install\nexit 101\n', { mode: 0o755 });
    process.stderr.write('test harness: installing openssh-server (apt-get) for the SFTP tests ...\n');
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    const run = (args: string[]): void => {
      const result = spawnSync('apt-get', args, { env, stdio: ['ignore', 'ignore', 'inherit'] });
      if (result.status !== 0) throw new Error(`apt-get ${args.join(' ')} failed (exit ${result.status ?? result.signal})`);
    };
    run(['update']);
    run(['install', '-y', '--no-install-recommends', 'openssh-server']);
  } finally {
    if (ownPolicy) rmSync(policy, { force: true });
    rmSync(INSTALL_LOCK, { force: true });
  }
}

export async function startSshd(options: { passwordUser?: boolean } = {}): Promise<RunningSshd> {
  await ensureOpenSshServer();
  const isRoot = process.getuid?.() === 0;
  if (!isRoot) throw new Error('The SFTP tests log in as root with a key; run them as root');
  removeStaleUsers();
  const work = mkdtempSync(path.join(os.tmpdir(), 'learngraph-sshd-'));
  chmodSync(work, 0o755);
  const dataDir = path.join(work, 'data');
  for (const dir of ['keys', 'authorized_keys', 'data']) mkdirSync(path.join(work, dir));
  execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', path.join(work, 'keys/host_ed25519')]);
  execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', path.join(work, 'keys/client_ed25519')]);
  writeFileSync(path.join(work, 'authorized_keys/root'), readFileSync(path.join(work, 'keys/client_ed25519.pub')));

  const passwordUser = options.passwordUser ? createPasswordUser() : null;
  const port = await freePort();
  const config = [
    'ListenAddress 127.0.0.1',
    `Port ${port}`,
    `HostKey ${work}/keys/host_ed25519`,
    `PidFile ${work}/sshd.pid`,
    `AuthorizedKeysFile ${work}/authorized_keys/%u`,
    'PubkeyAuthentication yes',
    `PasswordAuthentication ${passwordUser ? 'yes' : 'no'}`,
    'KbdInteractiveAuthentication no',
    'UsePAM no',
    'PermitRootLogin prohibit-password',
    `AllowUsers root${passwordUser ? ` ${passwordUser.username}` : ''}`,
    'StrictModes no',
    'AllowTcpForwarding no',
    'X11Forwarding no',
    'MaxStartups 100',
    'LogLevel VERBOSE',
    'Subsystem sftp internal-sftp',
    `ForceCommand internal-sftp -d ${dataDir}`,
    ...(passwordUser
      ? [`Match User ${passwordUser.username}`, `  ChrootDirectory ${path.dirname(passwordUser.localDir)}`, '  ForceCommand internal-sftp -d /upload']
      : []),
    '',
  ].join('\n');
  const configFile = path.join(work, 'sshd_config');
  writeFileSync(configFile, config);
  mkdirSync('/run/sshd', { recursive: true, mode: 0o755 }); // privilege separation directory, root only
  execFileSync(SSHD, ['-t', '-f', configFile]);

  const logFile = path.join(work, 'sshd.log');
  const child: ChildProcess = spawn(SSHD, ['-D', '-e', '-f', configFile], { stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    log += chunk.toString('utf8');
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  for (let i = 0; i < 100 && !log.includes('Server listening'); i++) {
    if (child.exitCode !== null) break;
    await sleep(50);
  }
  if (!log.includes('Server listening')) {
    child.kill('SIGKILL');
    cleanup(work, passwordUser);
    throw new Error(`sshd did not start:\n${log}`);
  }
  const pid = child.pid!;
  const descendants = (): number[] => descendantsOf(pid);

  let stopped = false;
  return {
    host: '127.0.0.1',
    port,
    hostKeyFingerprint: fingerprintOf(readFileSync(path.join(work, 'keys/host_ed25519.pub'), 'utf8')),
    root: { username: 'root', privateKey: readFileSync(path.join(work, 'keys/client_ed25519'), 'utf8'), dataDir },
    passwordUser,
    connectionCount: () => (log.match(/Connection from 127\.0\.0\.1/g) ?? []).length,
    sessionPids: descendants,
    signalSessions: (signal) => {
      const pids = descendants();
      for (const p of pids) signalPid(p, signal);
      return pids.length;
    },
    stop: async () => {
      if (stopped) return;
      stopped = true;
      const sessions = descendants();
      for (const p of sessions) signalPid(p, 'SIGCONT');
      for (const p of sessions) signalPid(p, 'SIGKILL');
      child.kill('SIGTERM');
      await Promise.race([exited, sleep(3_000)]);
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      writeFileSync(logFile, log);
      cleanup(work, passwordUser);
    },
  };
}

/** `SHA256:<base64 without padding>` of an OpenSSH public key line, like `ssh-keygen -lf`. */
export function fingerprintOf(publicKeyLine: string): string {
  const blob = Buffer.from(publicKeyLine.trim().split(/\s+/)[1] ?? '', 'base64');
  return `SHA256:${createHash('sha256').update(blob).digest('base64').replace(/=+$/, '')}`;
}

function createPasswordUser(): PasswordUser {
  const username = `${USER_PREFIX}${randomBytes(4).toString('hex')}`;
  const password = randomBytes(18).toString('base64url');
  const chroot = path.join(CHROOT_PARENT, `learngraph-sftp-${username}`);
  // Every component of a chroot must be root-owned and not group/world-writable.
  mkdirSync(chroot, { recursive: true, mode: 0o755 });
  chmodSync(chroot, 0o755);
  execFileSync('useradd', ['-M', '-d', '/nonexistent', '-s', '/usr/sbin/nologin', username]);
  execFileSync('chpasswd', [], { input: `${username}:${password}\n` });
  const uid = Number(execFileSync('id', ['-u', username]).toString().trim());
  const upload = path.join(chroot, 'upload');
  mkdirSync(upload, { mode: 0o755 });
  chownSync(upload, uid, uid);
  return { username, password, localDir: upload, remoteDir: '/upload', uid };
}

function cleanup(work: string, user: PasswordUser | null): void {
  if (user) removeUser(user.username);
  rmSync(work, { recursive: true, force: true });
}

function removeUser(username: string): void {
  spawnSync('userdel', [username], { stdio: 'ignore' });
  rmSync(path.join(CHROOT_PARENT, `learngraph-sftp-${username}`), { recursive: true, force: true });
}

/** Users left by a test run that was killed before its teardown (no process runs as them). */
function removeStaleUsers(): void {
  let passwd: string;
  try {
    passwd = readFileSync('/etc/passwd', 'utf8');
  } catch {
    return;
  }
  for (const line of passwd.split('\n')) {
    const [name, , uid] = line.split(':');
    if (!name || !new RegExp(`^${USER_PREFIX}[0-9a-f]{8}$`).test(name)) continue;
    if (processesOf(Number(uid)).length === 0) removeUser(name);
  }
}

function processesOf(uid: number): number[] {
  return procEntries().filter((p) => p.uid === uid).map((p) => p.pid);
}

function descendantsOf(root: number): number[] {
  const entries = procEntries();
  const found: number[] = [];
  const queue = [root];
  while (queue.length > 0) {
    const parent = queue.shift()!;
    for (const e of entries) {
      if (e.ppid === parent) {
        found.push(e.pid);
        queue.push(e.pid);
      }
    }
  }
  return found;
}

function procEntries(): { pid: number; ppid: number; uid: number }[] {
  const out: { pid: number; ppid: number; uid: number }[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const status = readFileSync(`/proc/${name}/status`, 'utf8');
      const ppid = Number(/^PPid:\s+(\d+)/m.exec(status)?.[1]);
      const uid = Number(/^Uid:\s+(\d+)/m.exec(status)?.[1]);
      out.push({ pid: Number(name), ppid, uid });
    } catch {
      // the process ended while we looked
    }
  }
  return out;
}

function signalPid(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(pid, signal);
  } catch {
    // already gone
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}
