/**
 * Wraps an async job (a figure's draw) so that calls never overlap or queue: a call made while
 * the job runs asks for one more run when it ends, however many calls came meanwhile. A slider
 * dragged at 60 Hz then draws the newest figure after each draw, skipping the ones in between.
 * The job returns 'stop' to end without that run (its figure was removed).
 */
export function latestOnly(job: () => Promise<'stop' | void>): () => Promise<void> {
  let running = false;
  let again = false;
  return async () => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      do {
        again = false;
        if ((await job()) === 'stop') return;
      } while (again);
    } finally {
      running = false;
    }
  };
}
