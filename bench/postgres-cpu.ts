import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * CPU seconds a local Postgres cluster has used so far: the postmaster with its reaped
 * children (backends that ended, autovacuum workers) plus the children still running (the
 * backend doing the work, WAL writer, checkpointer). Differences of two readings compare work
 * done, which on a busy machine varies far less than wall time does. Linux only (/proc);
 * undefined elsewhere or for a server we did not start.
 */
export function postgresCpuSeconds(clusterDir: string): number | undefined {
  try {
    const postmaster = Number(readFileSync(path.join(clusterDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    const ticks = 100; // USER_HZ: 100 on every Linux we run on
    let total = 0;
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      const fields = stat(Number(entry));
      if (!fields) continue;
      const pid = Number(entry);
      const ppid = Number(fields[1]);
      if (pid === postmaster) total += Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]);
      else if (ppid === postmaster) total += Number(fields[11]) + Number(fields[12]);
    }
    return total / ticks;
  } catch {
    return undefined;
  }
}

/** CPU seconds (user + system) a running process has used so far; NaN once it is gone or off Linux. */
export function processCpuSeconds(pid: number | undefined): number {
  const fields = pid === undefined ? undefined : stat(pid);
  return fields ? (Number(fields[11]) + Number(fields[12])) / 100 : NaN; // USER_HZ is 100 on every Linux we run on
}

/** Fields of /proc/<pid>/stat after the command name (state first), or undefined once it is gone. */
function stat(pid: number): string[] | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return text.slice(text.lastIndexOf(')') + 2).split(' ');
  } catch {
    return undefined;
  }
}
