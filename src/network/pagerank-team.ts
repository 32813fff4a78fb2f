/**
 * Two threads per PageRank step: the PageRank thread (pagerank-worker.ts) and a helper thread
 * (pagerank-helper.ts) share each phase of each step (pagerank.ts PowerSteps: two halves per
 * phase), over the graph and vectors in shared memory, so nothing is copied per step.
 *
 * Contract: `SharedTeam.run` returns once both halves of the phase are done, whoever ran them.
 * Each half is claimed by one atomic compare-and-swap: the PageRank thread claims every half the
 * helper has not, so a helper that is not scheduled (the core is busy) costs nothing but its
 * wake-up; a busy machine gets one thread's speed, a free core about twice it. The halves write
 * disjoint entries and their arithmetic does not depend on which thread runs them: the vector is
 * the same bit for bit either way. Between jobs the helper waits on its message port (no
 * spinning); during a job, between phases, it sleeps in Atomics.wait.
 */
import type { Worker } from 'node:worker_threads';
import { Phase, PowerSteps, Team } from './pagerank';
import { share } from './threads';

/** What the helper receives per job: the graph and the steps' memory (shared), and the control words. */
export interface HelperJob {
  offsets: SharedArrayBuffer;
  ends: SharedArrayBuffer;
  targets: SharedArrayBuffer;
  weights: SharedArrayBuffer;
  memory: SharedArrayBuffer;
  control: SharedArrayBuffer;
}

/**
 * Control words (Int32): TICKET = 4·phase number + halves claimed (−1: the job is over), DONE =
 * halves finished since the job began, PHASE = what the current phase does.
 */
const [TICKET, DONE, PHASE] = [0, 1, 2];
const CONTROL_WORDS = 3;

/** A helper holding a half this long without finishing is taken for dead: the job fails (and is computed again). */
const STALLED_MS = 10_000;

export class SharedTeam implements Team {
  private control = new Int32Array(new SharedArrayBuffer(4 * CONTROL_WORDS));
  /** The memory handed out last: the steps' of the job beginning. */
  private shared = new SharedArrayBuffer(0);
  private phases = 0;
  /** Halves the helper ran, since this team was made: how often a second core was there to help. */
  helped = 0;

  constructor(private readonly helper: Pick<Worker, 'postMessage'>) {}

  memory(length: number): Float64Array {
    this.shared = new SharedArrayBuffer(8 * length);
    return new Float64Array(this.shared);
  }

  begin(steps: PowerSteps): void {
    this.control = new Int32Array(new SharedArrayBuffer(4 * CONTROL_WORDS));
    this.phases = 0;
    const { offsets, ends, targets, weights } = steps.graph;
    const job: HelperJob = {
      offsets: share(offsets),
      ends: share(ends),
      targets: share(targets),
      weights: share(weights),
      memory: this.shared,
      control: this.control.buffer,
    };
    this.helper.postMessage(job);
  }

  run(steps: PowerSteps, phase: Phase): void {
    const control = this.control;
    const number = ++this.phases;
    Atomics.store(control, PHASE, phase);
    Atomics.store(control, TICKET, 4 * number);
    Atomics.notify(control, TICKET);
    let own = 0;
    for (let half: number; (half = claim(control, number)) >= 0; own++) {
      steps.half(phase, half as 0 | 1);
      Atomics.add(control, DONE, 1);
    }
    this.helped += 2 - own;
    for (let done: number; (done = Atomics.load(control, DONE)) < 2 * number;) {
      if (Atomics.wait(control, DONE, done, STALLED_MS) === 'timed-out' && Atomics.load(control, DONE) === done)
        throw new Error('PageRank helper thread stalled');
    }
  }

  end(): void {
    Atomics.store(this.control, TICKET, -1);
    Atomics.notify(this.control, TICKET);
  }
}

/** The helper's side of one job: takes what halves it can until the job is over. */
export function help(job: HelperJob): void {
  const graph = {
    offsets: new Int32Array(job.offsets),
    ends: new Int32Array(job.ends),
    targets: new Int32Array(job.targets),
    weights: new Float64Array(job.weights),
  };
  const steps = new PowerSteps(graph, new Float64Array(job.memory));
  const control = new Int32Array(job.control);
  for (let seen = 0; ;) {
    Atomics.wait(control, TICKET, seen);
    seen = Atomics.load(control, TICKET);
    if (seen < 0) return;
    const half = claim(control, seen >> 2);
    if (half < 0) continue;
    steps.half(Atomics.load(control, PHASE) as Phase, half as 0 | 1);
    Atomics.add(control, DONE, 1);
    Atomics.notify(control, DONE);
  }
}

/** Claims the next unclaimed half of phase `number`: 0 or 1, or −1 when none is left (or the phase is over). */
function claim(control: Int32Array, number: number): number {
  for (;;) {
    const ticket = Atomics.load(control, TICKET);
    if (ticket >> 2 !== number || (ticket & 3) >= 2) return -1;
    if (Atomics.compareExchange(control, TICKET, ticket, ticket + 1) === ticket) return ticket & 3;
  }
}
