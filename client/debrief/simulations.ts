import { type SimulatedMarket, type SimulationPlan, simulateMarket } from "../../shared/debrief/fan.js";
import type { WorkerReply } from "./worker.js";

/** A batch of simulated markets under way or done; any number of debriefs may watch it. */
interface Job {
  done: number;
  result: Promise<SimulatedMarket[]>;
  listeners: Set<(done: number) => void>;
}

/** One job per game and plan, for the page's lifetime: mounting the debrief again costs nothing. */
const jobs = new Map<string, Job>();

function jobKey(code: string, plan: SimulationPlan): string {
  return JSON.stringify([code, plan.seeds.length, plan.seeds[0], plan.lineup, plan.config.quarters]);
}

/** Plays the plan in a Web Worker (the page stays responsive); without workers, in slices on the page. */
function start(plan: SimulationPlan, progress: (done: number) => void): Promise<SimulatedMarket[]> {
  if (typeof Worker === "undefined") return onPage(plan, progress);
  return new Promise((resolve, reject) => {
    let worker: Worker;
    try {
      worker = new Worker(new URL("./worker.ts", import.meta.url), { type: "module" });
    } catch {
      onPage(plan, progress).then(resolve, reject);
      return;
    }
    worker.onmessage = (event: MessageEvent<WorkerReply>) => {
      const reply = event.data;
      if (reply.type === "progress") progress(reply.done);
      else {
        worker.terminate();
        if (reply.type === "done") resolve(reply.markets);
        else reject(new Error(reply.message));
      }
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(event.message || "the simulation worker failed"));
    };
    worker.postMessage(plan);
  });
}

async function onPage(plan: SimulationPlan, progress: (done: number) => void): Promise<SimulatedMarket[]> {
  const markets: SimulatedMarket[] = [];
  for (let i = 0; i < plan.seeds.length; i++) {
    markets.push(simulateMarket(plan, i));
    progress(i + 1);
    if (i % 4 === 3) await new Promise((r) => setTimeout(r, 0));
  }
  return markets;
}

/** The simulated markets of a game's plan; `onProgress` hears how many are done (at once, then as they finish). */
export function simulatedMarkets(code: string, plan: SimulationPlan, onProgress: (done: number) => void): { result: Promise<SimulatedMarket[]>; stop(): void } {
  const key = jobKey(code, plan);
  let job = jobs.get(key);
  if (!job) {
    const listeners = new Set<(done: number) => void>();
    const created: Job = { done: 0, listeners, result: Promise.resolve([]) };
    created.result = start(plan, (done) => {
      created.done = done;
      for (const listener of listeners) listener(done);
    });
    created.result.catch(() => jobs.delete(key));
    jobs.set(key, created);
    job = created;
  }
  const current = job;
  current.listeners.add(onProgress);
  onProgress(current.done);
  return { result: current.result, stop: () => current.listeners.delete(onProgress) };
}
