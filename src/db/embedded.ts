import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { Writable } from 'node:stream';
import { projectRoot } from '../paths';
import { CommitCounter, publishCommitCounter, withdrawCommitCounter } from './commit-counter';
import { ImportStream } from './import-stream';

/**
 * Runs Neo4j 5.26 embedded in a child JVM (launcher/, built with Maven on first use).
 *
 * Contract: `startEmbeddedNeo4j` resolves once Bolt answers on 127.0.0.1:`boltPort`, or rejects
 * with one line saying what to do (no JDK, no Maven, port taken, data folder locked). The JVM
 * never outlives this process: it is stopped on `stop()`, on process exit, and - because it
 * watches its stdin pipe - even when this process is killed with SIGKILL.
 */
export interface EmbeddedNeo4j {
  uri: string;
  pid: number;
  /** With `offlineImport`: from the stream's start to the built store, ms (the database start after it not included). */
  importMs?: number;
  /** With `importSchemaFile`: the schema's creation on the new store before it answered, ms. */
  schemaMs?: number;
  /** Its count of the commits the network sync must notice (commit-counter.ts); connect() to `uri` uses it. */
  commits: CommitCounter;
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  dataDir: string;
  boltPort: number;
  heap: string;
  pageCacheMb?: number;
  /**
   * The JVM's niceness (0: the API's own priority). On a machine where the API and the database
   * share few cores, a write's database work then waits for the event loop rather than the
   * reverse, so reads keep their latency while writes run (see docs/performance.md).
   */
  nice?: number;
  /** Cap on the memory of all open transactions together, MB (default: NEO4J_TX_MEMORY_MB, else 70% of the heap). */
  transactionMemoryMb?: number;
  /**
   * Builds the store of an EMPTY default database first, in the same JVM, with Neo4j's offline
   * importer (launcher/.../OfflineImport.java): no transactions, the store files written directly.
   * Called once the JVM is spawned with the JVM's stdin, on which it writes the records
   * (import-stream.ts), so that the JVM starts while the caller still prepares them. All or
   * nothing: when it throws, or the import or the start after it fails, the JVM is stopped and
   * what the import wrote is removed (the data folder itself when it did not exist before), so a
   * later bulk import finds no half-built database; the error is thrown.
   */
  offlineImport?: (stdin: Writable) => Promise<void>;
  /** Off-heap memory the offline importer may use, MB (default 1024). */
  importOffHeapMb?: number;
  /**
   * With `offlineImport`: a schema file (schema/neo4j.cypher) whose constraints and indexes the
   * launcher creates on the new store before it answers (launcher/.../ImportSchema.java), through
   * Neo4j's core API rather than Cypher over Bolt; a failure is the import's.
   */
  importSchemaFile?: string;
  log?: (line: string) => void;
}

const LAUNCHER = path.join(projectRoot, 'launcher');
const JAR = path.join(LAUNCHER, 'target', 'neo4j-launcher-1.0.0.jar');
const LIB = path.join(LAUNCHER, 'target', 'lib');
/** The launcher's class-data-sharing archive (see classArchiveFlags). */
const CLASS_ARCHIVE = path.join(LAUNCHER, 'target', 'launcher.jsa');
/** The data folder of the class archive's training start: its system database seeds an offline import's (see classArchiveFlags). */
const SYSTEM_TEMPLATE = path.join(LAUNCHER, 'target', 'system-template');

const JVM_FLAGS = [
  '--add-opens=java.base/java.nio=ALL-UNNAMED',
  '--add-opens=java.base/java.io=ALL-UNNAMED',
  '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
  '--enable-native-access=ALL-UNNAMED',
  '-Dio.netty.tryReflectionSetAccessible=true',
  '-Djdk.nio.maxCachedBufferSize=1024',
  '-Dlog4j2.disable.jmx=true',
];

/** A server's JVM: G1 and the full JIT, for a process that serves for hours. */
const SERVER_JVM_FLAGS = ['-XX:+UseG1GC'];

/**
 * An offline import's JVM imports, builds the schema and is stopped (src/import/bulk-cli.ts): a
 * batch job of about ten seconds on a fresh JVM. There C2's compilations (thousands of them) cost
 * more CPU than their faster code gives back before the job ends, on cores the importer's threads
 * need, so only C1 compiles; and the serial collector, since the importer works off-heap and the
 * heap sees little garbage. Held A/B at 100k HCPs on 2 cores (docs/performance.md): 9.6-11.3 s
 * from the records to the schema online against 14.3-18.4 s. A server started later on the store
 * gets SERVER_JVM_FLAGS.
 */
const IMPORT_JVM_FLAGS = ['-XX:+UseSerialGC', '-XX:TieredStopAtLevel=1'];

export class EmbeddedStartError extends Error {}

export async function startEmbeddedNeo4j(options: EmbeddedOptions): Promise<EmbeddedNeo4j> {
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  requireTool(
    'java',
    '-version',
    'Java 17+ is required for the embedded Neo4j: install a JDK (e.g. apt-get install openjdk-17-jdk-headless), or set NEO4J_URI to an external Neo4j',
  );
  buildLauncherIfNeeded(log);
  const archive = await classArchiveFlags(log);
  const streamImport = options.offlineImport;
  const template: Record<string, string> =
    streamImport && builtSince(SYSTEM_TEMPLATE, JAR) ? { NEO4J_SYSTEM_TEMPLATE: SYSTEM_TEMPLATE } : {};
  // An import: the launcher creates the folder once the stream begins (nothing written for an
  // input found invalid meanwhile).
  const dataDirExisted = fs.existsSync(options.dataDir);
  if (!streamImport) fs.mkdirSync(options.dataDir, { recursive: true });
  let streamed = Date.now();
  let importMs: number | undefined;
  let schemaMs: number | undefined;
  const jvm = streamImport ? IMPORT_JVM_FLAGS : SERVER_JVM_FLAGS;
  // One file per start: a count is never taken for another run's.
  const counterFile = path.join(options.dataDir, 'network-commits', `${process.pid}-${randomUUID()}`);
  const child = spawnLauncher(options.dataDir, [`-Xms512m`, `-Xmx${options.heap}`, ...jvm, ...archive], options.nice ?? 0, {
    NEO4J_BOLT_PORT: String(options.boltPort),
    NEO4J_PAGECACHE_MB: String(options.pageCacheMb ?? 512),
    NEO4J_COMMIT_COUNTER: counterFile,
    ...(options.transactionMemoryMb ? { NEO4J_TX_MEMORY_MB: String(options.transactionMemoryMb) } : {}),
    ...(streamImport ? { NEO4J_IMPORT: 'stream', NEO4J_IMPORT_OFF_HEAP_MB: String(options.importOffHeapMb ?? 1024) } : {}),
    ...(streamImport && options.importSchemaFile ? { NEO4J_SCHEMA_FILE: options.importSchemaFile } : {}),
    ...template,
  });
  const stopOnExit = () => child.kill('SIGTERM');
  process.once('exit', stopOnExit);

  const ready = waitForReady(child, log, {
    imported: () => (importMs = Date.now() - streamed),
    schema: (ms) => (schemaMs = ms),
  });
  let uri: string;
  try {
    if (streamImport) {
      streamed = Date.now();
      await streamImport(child.stdin!);
    }
    uri = await ready;
  } catch (error) {
    ready.catch(() => undefined);
    process.removeListener('exit', stopOnExit);
    await stopChild(child);
    if (streamImport) removeImported(options.dataDir, dataDirExisted);
    throw error;
  }
  const commits = new CommitCounter(counterFile);
  publishCommitCounter(uri, commits);
  child.once('exit', () => {
    withdrawCommitCounter(uri, commits);
    fs.rmSync(counterFile, { force: true });
  });
  return {
    uri,
    pid: child.pid ?? -1,
    importMs,
    schemaMs,
    commits,
    stop: async () => {
      process.removeListener('exit', stopOnExit);
      await stopChild(child);
    },
  };
}

/** The offline importer's summary lines, passed on to the log (its progress dots are not). */
const IMPORT_SUMMARY = /^(IMPORT DONE|Imported:|\s+\d+ (nodes|relationships|properties)$|Peak memory)/;

/** What the launcher reports before it is ready, after an offline import. */
interface ImportEvents {
  imported(): void;
  /** The launcher's own measure of the schema's creation, ms. */
  schema(ms: number): void;
}

const NO_EVENTS: ImportEvents = { imported: () => undefined, schema: () => undefined };

function waitForReady(child: ChildProcess, log: (line: string) => void, events: ImportEvents = NO_EVENTS): Promise<string> {
  return new Promise((resolve, reject) => {
    const stderr: string[] = [];
    readline.createInterface({ input: child.stderr! }).on('line', (line) => {
      if (IMPORT_SUMMARY.test(line)) log(`  ${line.trim()}`);
      if (!line.trim() || /^[.\s-]+\d+%/.test(line)) return;
      stderr.push(line);
      if (stderr.length > 50) stderr.shift();
    });
    const lines = readline.createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      if (line.startsWith('NEO4J_IMPORTED ')) return events.imported();
      if (line.startsWith('NEO4J_SCHEMA ')) return events.schema(Number(line.slice('NEO4J_SCHEMA '.length)));
      if (line.startsWith('NEO4J_READY ')) return resolve(line.slice('NEO4J_READY '.length).trim());
      if (line.startsWith('NEO4J_ERROR ')) {
        const importer = line.includes('offline import') ? `: ${stderr.slice(-6).join(' | ')}` : '';
        return reject(new EmbeddedStartError(line.slice('NEO4J_ERROR '.length) + importer));
      }
    });
    child.once('error', (error) => reject(new EmbeddedStartError(`could not start java: ${error.message}`)));
    child.once('exit', (code) => {
      const tail = stderr.slice(-3).join(' | ');
      reject(new EmbeddedStartError(`the embedded Neo4j exited (code ${code}) before it was ready${tail ? `: ${tail}` : ''}`));
    });
    log('starting embedded Neo4j ...');
  });
}

/** The store folder of `database` in the launcher's data folder (its Neo4j home). */
export function storeDirectory(dataDir: string, database: string): string {
  return path.join(dataDir, 'data', 'databases', database);
}

/** Removes what a failed offline import wrote: the default database's store and transaction logs, or the whole new folder. */
function removeImported(dataDir: string, existed: boolean): void {
  const written = existed ? [storeDirectory(dataDir, 'neo4j'), path.join(dataDir, 'data', 'transactions', 'neo4j')] : [dataDir];
  for (const dir of written) fs.rmSync(dir, { recursive: true, force: true });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 30000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

function spawnLauncher(dataDir: string, jvmArgs: string[], nice: number, env: Record<string, string>): ChildProcess {
  // The jar, not target/classes: a class-data-sharing archive only covers classes from jars.
  const java = ['java', ...jvmArgs, ...JVM_FLAGS, '-cp', `${JAR}${path.delimiter}${LIB}/*`, 'mslgraph.Launcher', dataDir];
  // Through nice(1), which execs java (same pid): every thread the JVM starts inherits it, where
  // renicing the pid afterwards would reach only the threads that exist by then.
  const [command, ...args] = nice > 0 ? ['nice', '-n', String(nice), ...java] : java;
  return spawn(command, args, {
    stdio: ['pipe', 'pipe', 'pipe'],
    env: { ...process.env, ...env },
  });
}

/**
 * AppCDS: the classes Neo4j loads while it starts, parsed and verified once and mapped from one
 * file at every later start, which takes about a third off the embedded start (6.7 s against
 * 10.9 s measured side by side at load 8). JDK 17 writes such an archive only when a JVM exits,
 * and writing it at the end of a real run would slow that run's stop, so the archive is trained
 * once per launcher build by a throwaway start and stop on an empty folder. Any failure only
 * means a slower start. That start's data folder is kept as SYSTEM_TEMPLATE: the launcher copies
 * its system database (the same in every new home: the default database's record and the
 * security graph) into the home of an offline import instead of creating one at the first start.
 */
async function classArchiveFlags(log: (line: string) => void): Promise<string[]> {
  const quiet = ['-Xlog:cds=off', '-Xlog:cds+dynamic=off'];
  const fresh = () => builtSince(CLASS_ARCHIVE, JAR);
  if (!fresh()) {
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'msl-graph-cds-'));
    const trained = `${CLASS_ARCHIVE}.${process.pid}.tmp`;
    try {
      log('training the embedded Neo4j class archive (once per launcher build) ...');
      const child = spawnLauncher(home, ['-Xmx512m', ...SERVER_JVM_FLAGS, `-XX:ArchiveClassesAtExit=${trained}`, ...quiet], 0, {
        NEO4J_BOLT_PORT: '0',
        NEO4J_PAGECACHE_MB: '8',
        NEO4J_IMPORT: 'stream',
        NEO4J_IMPORT_OFF_HEAP_MB: '64',
      });
      const ready = waitForReady(child, () => undefined);
      await trainingImport(child.stdin!).catch(() => undefined);
      await ready.finally(() => stopChild(child));
      // A rename is atomic: a concurrent start sees no archive or a whole one.
      if (fs.existsSync(trained)) fs.renameSync(trained, CLASS_ARCHIVE);
      keepSystemTemplate(path.join(home, 'data'));
    } catch (error) {
      log(`class archive not trained (the start is only slower): ${(error as Error).message}`);
    } finally {
      fs.rmSync(trained, { force: true });
      fs.rmSync(home, { recursive: true, force: true });
    }
  }
  return fresh() ? [`-XX:SharedArchiveFile=${CLASS_ARCHIVE}`, ...quiet] : [];
}

/** `file` exists and is not older than `source`. */
function builtSince(file: string, source: string): boolean {
  return fs.existsSync(file) && fs.statSync(file).mtimeMs >= fs.statSync(source).mtimeMs;
}

/** The trained start's data folder becomes SYSTEM_TEMPLATE (replacing an older one; a concurrent training's copy is as good). */
function keepSystemTemplate(data: string): void {
  if (!fs.existsSync(path.join(data, 'databases', 'system'))) return;
  const stale = `${SYSTEM_TEMPLATE}.${process.pid}.old`;
  if (fs.existsSync(SYSTEM_TEMPLATE)) fs.renameSync(SYSTEM_TEMPLATE, stale);
  try {
    fs.renameSync(data, SYSTEM_TEMPLATE);
  } catch {
    // Another training renamed its own first.
  }
  fs.rmSync(stale, { recursive: true, force: true });
  // A new mtime: the template is as fresh as the archive trained with it.
  const now = new Date();
  fs.utimesSync(SYSTEM_TEMPLATE, now, now);
}

/** A two-node, one-relationship offline import, so that the archive holds the importer's classes too (bulk.ts). */
async function trainingImport(stdin: Writable): Promise<void> {
  const stream = new ImportStream(stdin, ['N', 'R', 'id', 'n', 'w', 'd']);
  await stream.begin({ nodes: 2, relationships: 1, nodeProperties: 4, relationshipProperties: 1 });
  stream.node(0, 'N');
  stream.property('id', 'text', 'a');
  stream.property('n', 'int', 1);
  stream.property('d', 'date', '2025-01-01');
  stream.end();
  stream.node(1, 'N');
  stream.end();
  await stream.endNodes();
  stream.relationship(0, 1, 'R');
  stream.property('w', 'float', 0.5);
  stream.end();
  await stream.finish();
}

function buildLauncherIfNeeded(log: (line: string) => void): void {
  if (launcherIsBuilt()) return;
  requireTool(
    'mvn',
    '-v',
    'Maven is required to build the embedded Neo4j launcher: install it (e.g. apt-get install maven), or set NEO4J_URI to an external Neo4j',
  );
  log('building the embedded Neo4j launcher with Maven (first run only; downloads Neo4j 5.26 from Maven Central) ...');
  // The jars of an earlier build go: every jar in the folder is on the classpath, and one the build
  // no longer copies (the signed Eclipse Collections, now inside the launcher's jar: pom.xml) would
  // still be opened.
  fs.rmSync(LIB, { recursive: true, force: true });
  const args = ['-B', 'package', '--no-transfer-progress'];
  const result = spawnSync('mvn', args, { cwd: LAUNCHER, stdio: ['ignore', 'inherit', 'inherit'] });
  if (result.status !== 0)
    throw new EmbeddedStartError(
      `the Maven build of launcher/ failed (exit ${result.status}); run "cd launcher && mvn package" to see why`,
    );
}

function launcherIsBuilt(): boolean {
  if (!fs.existsSync(JAR) || !fs.existsSync(LIB)) return false;
  const built = fs.statSync(JAR).mtimeMs;
  const java = path.join(LAUNCHER, 'src', 'main', 'java', 'mslgraph');
  const sources = [path.join(LAUNCHER, 'pom.xml'), ...fs.readdirSync(java).map((file) => path.join(java, file))];
  return sources.every((file) => fs.statSync(file).mtimeMs <= built) && fs.readdirSync(LIB).length > 0;
}

function requireTool(command: string, versionFlag: string, advice: string): void {
  const probe = spawnSync(command, [versionFlag], { stdio: 'ignore' });
  if (probe.error) throw new EmbeddedStartError(advice);
}
