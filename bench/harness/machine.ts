import { loadConfig } from '../../src/config';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import { Database } from '../../src/db/database';
import { round } from './stats';

export interface MachineInfo {
  cpuModel: string;
  cores: number;
  ramGb: number;
  os: string;
  node: string;
  /** NODE_ENV of the bench process (graphql-js skips development checks in production). */
  nodeEnv: string | null;
  /** The bench process's Node/V8 flags (`npm run bench` gives it those of `npm start`). */
  nodeFlags?: string[];
  java: string | null;
  python: string | null;
  neo4j: string;
  /** 1-minute load average when the bench started: above `cores`, other processes shared the CPU. */
  loadAverage: number[];
}

export async function machineInfo(db: Database): Promise<MachineInfo> {
  const cpus = os.cpus();
  const [component] = await db.read<{ name: string; versions: string[]; edition: string }>(
    'CALL dbms.components() YIELD name, versions, edition RETURN name, versions, edition',
  );
  return {
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    ramGb: round(os.totalmem() / 1024 ** 3, 1),
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    nodeEnv: process.env.NODE_ENV ?? null,
    // Not `-r ts-node/...`: the flags that change how Node runs.
    nodeFlags: [
      ...process.execArgv.filter((flag) => flag.startsWith('--') && !flag.startsWith('--require')),
      process.env.NODE_OPTIONS ?? '',
    ].filter(Boolean),
    java: versionOf('java', ['-version']),
    python: versionOf('python3', ['--version']),
    neo4j: component ? `${component.name} ${component.versions.join(',')} ${component.edition}` : 'unknown',
    loadAverage: os.loadavg().map((x) => round(x, 2)),
  };
}

function versionOf(command: string, args: string[]): string | null {
  const result = spawnSync(command, args, { encoding: 'utf8' });
  if (result.error) return null;
  const line = `${result.stderr ?? ''}${result.stdout ?? ''}`.trim().split('\n')[0];
  return line || null;
}

/** Resident memory of a process (Linux /proc), in MB: now and peak; null elsewhere or for an unknown pid. */
export function processMemory(pid: number): { rssMb: number; peakRssMb: number } | null {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? NaN);
    return { rssMb: round(kb('VmRSS') / 1024, 1), peakRssMb: round(kb('VmHWM') / 1024, 1) };
  } catch {
    return null;
  }
}

let ticksPerSecond: number | undefined;

/**
 * CPU time (user + system) a process has used so far, all its threads, in ms (Linux /proc); with
 * `thread`, that one thread's (the process's own pid: its main thread, a Node event loop); null when unknown.
 */
export function processCpuMs(pid: number, thread?: number): number | null {
  try {
    const stat = fs.readFileSync(thread === undefined ? `/proc/${pid}/stat` : `/proc/${pid}/task/${thread}/stat`, 'utf8');
    // Fields after the parenthesised command: state is field 3, utime 14, stime 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    ticksPerSecond ??= Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout.trim()) || 100;
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / ticksPerSecond;
  } catch {
    return null;
  }
}

/** CPU time per thread name of a process so far, ms (Linux /proc; threads of one name and nice value added up): where "other threads" went. */
export function threadCpuMs(pid: number): Map<string, number> {
  const byName = new Map<string, number>();
  let threads: string[];
  try {
    threads = fs.readdirSync(`/proc/${pid}/task`);
  } catch {
    return byName;
  }
  for (const tid of threads) {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
      // Node's threads are all called "node": the main thread, and threads at a nice value (the betweenness pool's) apart.
      const nice = stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16];
      const name = `${stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'))}${Number(tid) === pid ? ' (main)' : ''}${nice !== '0' ? ` (nice ${nice})` : ''}`;
      byName.set(name, (byName.get(name) ?? 0) + (processCpuMs(pid, Number(tid)) ?? 0));
    } catch {
      // The thread ended meanwhile.
    }
  }
  return byName;
}

export function nodeMemory(): { rssMb: number; heapUsedMb: number; externalMb: number } {
  const m = process.memoryUsage();
  return { rssMb: round(m.rss / 1024 ** 2, 1), heapUsedMb: round(m.heapUsed / 1024 ** 2, 1), externalMb: round(m.external / 1024 ** 2, 1) };
}

/**
 * The embedded Neo4j's memory for a bench run: the heap and page cache asked for, else the
 * defaults the API would pick on a machine of `machineMb` (so a run can stand for a smaller machine).
 */
export function fillNeo4jMemory(options: { machineMb: number; heap: string; pageCacheMb: number }): void {
  const defaults = loadConfig({ MACHINE_MEMORY_MB: String(options.machineMb) });
  options.heap ||= defaults.neo4jHeap;
  options.pageCacheMb ||= defaults.neo4jPageCacheMb;
}
