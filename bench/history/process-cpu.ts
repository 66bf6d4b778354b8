import { readFileSync } from 'node:fs';

/** CPU seconds (user + system) a running process has used so far, from /proc; NaN once it is gone or off Linux. */
export function processCpuSeconds(pid: number | undefined): number {
  if (pid === undefined) return NaN;
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100; // USER_HZ is 100 on every Linux we run on
  } catch {
    return NaN;
  }
}
