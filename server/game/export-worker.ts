/**
 * The export worker (server/game/export-thread.ts starts it): builds a CSV or record.json off
 * the game loop, so a large game's export does not stall every room of the process.
 */
import { parentPort } from "node:worker_threads";
import { type ExportJob, exportBody } from "./export-thread.js";

parentPort?.on("message", (job: ExportJob) => {
  try {
    // Bytes in their own buffer, moved (not copied) to the game loop's thread.
    const bytes = new TextEncoder().encode(exportBody(job));
    parentPort?.postMessage({ id: job.id, bytes }, [bytes.buffer]);
  } catch (error) {
    parentPort?.postMessage({ id: job.id, error: (error as Error).message });
  }
});
