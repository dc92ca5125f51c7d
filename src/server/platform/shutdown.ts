/**
 * Stopping the process in bounded time whatever state the database is in. With PostgreSQL gone
 * or frozen, closing the HTTP server waits for requests stuck on a query, ending the pool waits
 * for their connections, and stopping an embedded server waits for it to exit: each step gets a
 * time limit and the whole stop a hard deadline, and a second signal exits at once. The exit
 * code says whether it had to force: 0 when every step finished in time, 1 otherwise.
 */

export interface StopStep {
  /** Said in the log when the step fails or runs out of time. */
  name: string;
  timeoutMs: number;
  run(): Promise<unknown>;
  /** Called when the step ran out of time, before the next one starts (e.g. cut connections). */
  onTimeout?(): void;
}

export interface StopOptions {
  steps: StopStep[];
  /** After this long the process exits (code 1) even if a step is still waiting. */
  hardDeadlineMs: number;
  log(line: string): void;
  exit?(code: number): void;
}

export const STOP_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/** Runs the steps in order; true when each finished in time without an error. */
export async function runStopSteps(steps: StopStep[], log: (line: string) => void): Promise<boolean> {
  let isClean = true;
  for (const step of steps) {
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), step.timeoutMs);
    });
    const outcome = await Promise.race([
      step.run().then(
        () => 'done' as const,
        (error: unknown) => (error instanceof Error ? error : new Error(String(error))),
      ),
      timedOut,
    ]);
    clearTimeout(timer);
    if (outcome === 'done') continue;
    isClean = false;
    if (outcome === 'timeout') {
      log(`${step.name}: not done within ${step.timeoutMs / 1000} s; going on.`);
      step.onTimeout?.();
    } else {
      log(`${step.name} failed: ${outcome.message}`);
    }
  }
  return isClean;
}

/** Stops on SIGINT, SIGTERM or SIGHUP (a closed terminal); a second signal exits at once. */
export function stopOnSignals({ steps, hardDeadlineMs, log, exit = (code) => process.exit(code) }: StopOptions): void {
  let isStopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (isStopping) {
      log(`${signal} again: exiting at once.`);
      exit(1);
      return;
    }
    isStopping = true;
    log(`${signal}: stopping …`);
    // Not unref'd: it keeps the process alive until it decides, so a step that waits on nothing
    // that holds the event loop cannot let the process slip out with code 0.
    setTimeout(() => {
      log(`Not stopped within ${hardDeadlineMs / 1000} s: exiting anyway.`);
      exit(1);
    }, hardDeadlineMs);
    void runStopSteps(steps, log).then((isClean) => exit(isClean ? 0 : 1));
  };
  for (const signal of STOP_SIGNALS) process.on(signal, onSignal);
}
