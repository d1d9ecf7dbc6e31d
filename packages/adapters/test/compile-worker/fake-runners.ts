import type { CodeRunner, RunJob, RunOutcome } from '@sooscode/domain';

/** A `CodeRunner` that records jobs and answers each with `answer(job)`, optionally held by a gate. */
export class RecordingCodeRunner implements CodeRunner {
  readonly jobs: RunJob[] = [];
  private gate: Promise<void> = Promise.resolve();
  private openGate: () => void = () => undefined;

  constructor(private readonly answer: (job: RunJob) => RunOutcome = (job) => ({ status: 'SUCCESS', output: `ran ${job.language}\n` })) {}

  /** Holds every run until `release()`. */
  hold(): void {
    this.gate = new Promise((resolve) => (this.openGate = resolve));
  }

  release(): void {
    this.openGate();
  }

  async run(job: RunJob): Promise<RunOutcome> {
    this.jobs.push(job);
    await this.gate;
    return this.answer(job);
  }
}
