import { execFileSync } from 'node:child_process';

/** Whether a process with this pid exists. */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Pids of the java processes anywhere below `pid` (e.g. npm -> node -> java). */
export function javaBelow(pid: number): number[] {
  const rows = execFileSync('ps', ['-o', 'pid=,ppid=,comm=', '-e'])
    .toString()
    .split('\n')
    .map((line) => line.trim().split(/\s+/))
    .filter((row) => row.length === 3)
    .map(([p, pp, comm]) => ({ pid: Number(p), ppid: Number(pp), comm }));
  const below = new Set([pid]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const row of rows) {
      if (below.has(row.ppid) && !below.has(row.pid)) {
        below.add(row.pid);
        grew = true;
      }
    }
  }
  return rows.filter((row) => below.has(row.pid) && row.comm === 'java').map((row) => row.pid);
}
