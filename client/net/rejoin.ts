/**
 * Getting back into a game after the server closed it for a restart (CLOSE_CODES.SHUTDOWN):
 * the game comes back at its last finished quarter once the process is up again, so the
 * client tries its seat token again and again, waiting longer each time.
 */

/** Waits between attempts; the last one repeats until `attempts` tries have been made. */
export const RESTART_DELAYS_MS = [1000, 2000, 4000, 8000, 15_000, 30_000];
/** About ten minutes of tries with the delays above. */
export const RESTART_ATTEMPTS = 25;

export interface BackoffOptions {
  delays?: readonly number[];
  attempts?: number;
  sleep?: (ms: number) => Promise<void>;
  /** Called before each wait with the attempt about to be made (1-based) and the last error. */
  onRetry?: (attempt: number, error: unknown) => void;
}

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Runs `attempt` after each delay until it succeeds; null after the last failure. */
export async function retryWithBackoff<T>(attempt: () => Promise<T>, options: BackoffOptions = {}): Promise<T | null> {
  const delays = options.delays ?? RESTART_DELAYS_MS;
  const attempts = options.attempts ?? RESTART_ATTEMPTS;
  const sleep = options.sleep ?? wait;
  let error: unknown = null;
  for (let i = 0; i < attempts; i++) {
    options.onRetry?.(i + 1, error);
    await sleep(delays[Math.min(i, delays.length - 1)] ?? 1000);
    try {
      return await attempt();
    } catch (e) {
      error = e;
    }
  }
  return null;
}
