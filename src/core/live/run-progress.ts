/**
 * How a run in the page reports its progress: time spent training (pauses
 * excluded), the time left estimated from the recent pace of training, and the
 * status line the progress panel shows. No DOM; the worker, the training
 * handle and the panel share it.
 */
import {count, listing} from "../format/words.js";

/** Training time: runs while started, stands still while paused. */
export class Stopwatch {
  private total = 0;
  private since: number | undefined;

  constructor(private readonly now: () => number = () => performance.now()) {}

  /** Starts or resumes timing (no effect if already running). */
  start(): void {
    if (this.since === undefined) this.since = this.now();
  }

  /** Stops timing until the next start (no effect if not running). */
  pause(): void {
    if (this.since === undefined) return;
    this.total += this.now() - this.since;
    this.since = undefined;
  }

  get running(): boolean {
    return this.since !== undefined;
  }

  /** Milliseconds spent running. */
  get elapsed(): number {
    return this.total + (this.since === undefined ? 0 : this.now() - this.since);
  }
}

/** Recent pace only: a job that shares the processor with others speeds up when they finish. */
const WINDOW_MS = 3000;

/**
 * Time left for a job from its progress reports, each (training ms, epoch):
 * the pace over the last few seconds of training, or over the whole run while
 * it is shorter than that.
 */
export class RateEstimate {
  private readonly samples: {ms: number; epoch: number}[] = [];

  observe(trainingMs: number, epoch: number): void {
    const last = this.samples[this.samples.length - 1];
    if (last && trainingMs <= last.ms) {
      if (epoch > last.epoch) last.epoch = epoch;
      return;
    }
    this.samples.push({ms: trainingMs, epoch});
    while (this.samples.length > 2 && trainingMs - this.samples[1].ms >= WINDOW_MS) this.samples.shift();
  }

  /** Milliseconds of training left to reach `epochs`, or undefined before any epoch was timed. */
  remainingMs(epochs: number): number | undefined {
    const last = this.samples[this.samples.length - 1];
    if (!last || !Number.isFinite(epochs)) return undefined;
    const first = this.samples.length > 1 ? this.samples[0] : {ms: 0, epoch: 0};
    const de = last.epoch - first.epoch;
    const dt = last.ms - first.ms;
    if (de <= 0 || dt <= 0) return undefined;
    return Math.max(0, ((epochs - last.epoch) * dt) / de);
  }
}

export type RunPhase = "starting" | "training" | "done" | "diverged" | "stopped" | "failed";

export interface JobStatus {
  readonly name: string;
  readonly phase: RunPhase;
  readonly epoch: number;
  /** The epoch the job ends at (Infinity: until stopped). */
  readonly epochs: number;
  /** Time spent training, pauses excluded. */
  readonly elapsedMs: number;
}

export function seconds(ms: number): string {
  return ms < 1000 ? `${Math.max(0, Math.round(ms / 100) / 10)} s` : `${(ms / 1000).toFixed(1)} s`;
}

const isOver = (j: JobStatus) => j.phase !== "starting" && j.phase !== "training";
const ofEpochs = (j: JobStatus) =>
  Number.isFinite(j.epochs) ? ` of ${j.epochs.toLocaleString("en-US")}` : "";

/** "epoch 497 of 5,000" when the jobs agree, else "big at epoch 497 of 5,000 and small at epoch 2,000 of 5,000". */
function where(jobs: readonly JobStatus[]): string {
  const first = jobs[0];
  if (jobs.every((j) => j.epoch === first.epoch && j.epochs === first.epochs))
    return `epoch ${first.epoch.toLocaleString("en-US")}${ofEpochs(first)}`;
  return listing(jobs.map((j) => `${j.name} at epoch ${j.epoch.toLocaleString("en-US")}${ofEpochs(j)}`));
}

/** The one line above the progress bars: what the run is doing or how it ended. */
export function statusLine(
  jobs: readonly JobStatus[],
  run: {readonly running: boolean; readonly paused: boolean; readonly remainingMs?: number}
): string {
  const elapsed = Math.max(0, ...jobs.map((j) => j.elapsedMs));
  if (jobs.length === 0) return run.running ? "Starting" : "Nothing trained";
  if (run.running) {
    const active = jobs.filter((j) => !isOver(j));
    if (run.paused) return `Paused: ${where(active.length ? active : jobs)}`;
    return `Training in this page${run.remainingMs !== undefined ? `, about ${seconds(run.remainingMs)} left` : ""}`;
  }
  const stopped = jobs.filter((j) => j.phase === "stopped");
  const diverged = jobs.filter((j) => j.phase === "diverged");
  const failed = jobs.filter((j) => j.phase === "failed");
  const done = jobs.filter((j) => j.phase === "done");
  const time = `${seconds(elapsed)} of training`;
  if (done.length === jobs.length) {
    const e = jobs[0].epochs;
    return jobs.every((j) => j.epochs === e)
      ? `Trained in this page: ${count(e, "epoch")} in ${time}`
      : `Trained in this page in ${time}`;
  }
  const parts: string[] = [];
  const agree = (js: JobStatus[]) => js.every((j) => j.epoch === js[0].epoch && j.epochs === js[0].epochs);
  if (stopped.length)
    parts.push(
      agree(stopped)
        ? `Stopped at ${where(stopped)} after ${time}`
        : `Stopped after ${time}: ${where(stopped)}`
    );
  if (diverged.length)
    parts.push(
      agree(diverged)
        ? `${listing(diverged.map((j) => j.name))} diverged at ${where(diverged)}`
        : `the loss diverged for ${where(diverged)}`
    );
  if (failed.length) parts.push(`${listing(failed.map((j) => j.name))} failed`);
  if (done.length) parts.push(`${listing(done.map((j) => j.name))} finished`);
  const line = parts.join("; ");
  return stopped.length ? line : `Ended after ${time}: ${line}`;
}
