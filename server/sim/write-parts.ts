/**
 * Writes a file of any size from its parts, for the simulator's per-game outputs (runs.csv).
 * Joining the parts first fails once the file outgrows V8's longest string (~512 MiB, a
 * `--check` at 1,000 games per batch): `RangeError: Invalid string length`.
 */
import { closeSync, openSync, writeSync } from "node:fs";

/** Characters gathered before a write: large enough for few system calls, far below V8's limit. */
const BATCH_CHARS = 1 << 20;

/**
 * Groups `parts`, in order, into strings of at most `maxChars` characters; a part longer than
 * that on its own is yielded alone, never split nor joined. Concatenated, the batches are the parts.
 */
export function* batchParts(parts: Iterable<string>, maxChars = BATCH_CHARS): Generator<string> {
  let batch: string[] = [];
  let length = 0;
  for (const part of parts) {
    if (length > 0 && length + part.length > maxChars) {
      yield batch.join("");
      batch = [];
      length = 0;
    }
    batch.push(part);
    length += part.length;
  }
  if (length > 0) yield batch.join("");
}

/** Writes `parts` to `path` (UTF-8, replacing it), a batch of at most `maxChars` characters at a time. */
export function writeParts(path: string, parts: Iterable<string>, maxChars = BATCH_CHARS): void {
  const fd = openSync(path, "w");
  try {
    for (const batch of batchParts(parts, maxChars)) {
      const bytes = Buffer.from(batch, "utf8");
      for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done);
    }
  } finally {
    closeSync(fd);
  }
}
