import { spawn } from "node:child_process";
import { existsSync, unlinkSync } from "node:fs";

/**
 * Instructions executed by `node <nodeArgs…>` (callgrind's total, `I refs`): the figure a busy
 * machine does not move. Needs valgrind; `out` is callgrind's data file, deleted afterwards.
 */
export function callgrindInstructions(nodeArgs: readonly string[], out: string, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  return new Promise((done, fail) => {
    const child = spawn("valgrind", ["--tool=callgrind", `--callgrind-out-file=${out}`, "--smc-check=all-non-file", process.execPath, ...nodeArgs], {
      env,
      stdio: ["ignore", "ignore", "pipe"],
    });
    let err = "";
    child.stderr.on("data", (chunk: Buffer) => {
      err += chunk.toString();
    });
    child.on("close", (code) => {
      if (existsSync(out)) unlinkSync(out);
      const total = /I\s+refs:\s+([\d,]+)/.exec(err)?.[1];
      if (code !== 0 || !total) fail(new Error(`callgrind failed (${code}): ${err.slice(-500)}`));
      else done(Number(total.replace(/,/g, "")));
    });
  });
}
