import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { TestApp, startTestApp } from '../support/app';

/**
 * startTestApp for the engagement test files, which each empty the one Neo4j of the run: they
 * take a lock (a directory, atomic to create) for the whole file, so `npx jest test/engagement`
 * without --runInBand still runs them one after another. A lock left by a dead worker is taken over.
 */
export async function startExclusiveTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const lock = path.join(
    os.tmpdir(),
    `msl-graph-engagement-${crypto
      .createHash('sha1')
      .update(process.env.TEST_NEO4J_URI ?? '')
      .digest('hex')
      .slice(0, 12)}`,
  );
  await acquire(lock);
  try {
    const app = await startTestApp(env);
    return { ...app, stop: () => app.stop().finally(() => release(lock)) };
  } catch (error) {
    release(lock);
    throw error;
  }
}

async function acquire(lock: string): Promise<void> {
  const deadline = Date.now() + 10 * 60 * 1000;
  for (;;) {
    try {
      fs.mkdirSync(lock);
      fs.writeFileSync(path.join(lock, 'pid'), String(process.pid));
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      if (holderIsDead(lock)) fs.rmSync(lock, { recursive: true, force: true });
      if (Date.now() > deadline) throw new Error(`timed out waiting for the test database lock ${lock}`, { cause: error });
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

function release(lock: string): void {
  fs.rmSync(lock, { recursive: true, force: true });
}

function holderIsDead(lock: string): boolean {
  let pid: number;
  try {
    pid = Number(fs.readFileSync(path.join(lock, 'pid'), 'utf8'));
  } catch {
    // being created right now, or left without a pid: give it a few seconds
    try {
      return Date.now() - fs.statSync(lock).mtimeMs > 5000;
    } catch {
      return false;
    }
  }
  try {
    process.kill(pid, 0);
    return false;
  } catch {
    return true;
  }
}
