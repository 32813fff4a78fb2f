import { execFileSync } from 'node:child_process';
import os from 'node:os';

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
  for (let grew = true; grew;) {
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

/**
 * How long SIGTERM -> exit may take. The target is 5 s; most of it is Neo4j's own shutdown
 * (checkpoint, then the databases), which is CPU-bound: on a machine running more than four
 * runnable processes per core the bound is relaxed, so that a shared CI host does not fail the
 * run. The API's own part is checked separately, against its drain grace (apiStopMs).
 */
export function stopBudgetMs(): number {
  return os.loadavg()[0] > 4 * os.cpus().length ? 15000 : 5000;
}

/** The `ms` of the server's "API stopped" log line: how long the API itself took to stop. */
export function apiStopMs(log: string): number | undefined {
  const line = log.split('\n').find((l) => l.includes('"msg":"API stopped"'));
  return line ? (JSON.parse(line) as { ms: number }).ms : undefined;
}
