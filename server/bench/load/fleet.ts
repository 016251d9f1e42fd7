import { Worker } from "node:worker_threads";
import type { SetupResult, WorkerCommand, WorkerPlan, WorkerReply, WorkerWindow } from "./fleet-types.js";

/**
 * Worker threads do not inherit tsx's loader on Node 20, so each one registers it before
 * importing the TypeScript entry.
 */
const WORKER_BOOT = `import(${JSON.stringify(import.meta.resolve("tsx/esm/api"))}).then(({ register }) => {
  register();
  return import(${JSON.stringify(new URL("./worker.ts", import.meta.url).href)});
});`;

type Command = WorkerCommand extends infer C ? (C extends { id: number } ? Omit<C, "id"> : never) : never;

/** One client worker thread, driven by request and reply. */
class ClientWorker {
  private readonly worker = new Worker(WORKER_BOOT, { eval: true });
  private nextId = 1;
  private readonly waiting = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();

  constructor() {
    this.worker.on("message", (reply: WorkerReply) => {
      const pending = this.waiting.get(reply.id);
      this.waiting.delete(reply.id);
      if (reply.ok) pending?.resolve(reply.result);
      else pending?.reject(new Error(reply.error));
    });
    this.worker.on("error", (error) => {
      for (const pending of this.waiting.values()) pending.reject(error);
      this.waiting.clear();
    });
  }

  send<T>(command: Command): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.waiting.set(id, { resolve: resolve as (value: unknown) => void, reject });
      this.worker.postMessage({ ...command, id });
    });
  }

  terminate(): Promise<number> {
    return this.worker.terminate();
  }
}

/** The simulated players of a step, spread over worker threads, each room whole in one thread. */
export class Fleet {
  private readonly workers: ClientWorker[];

  constructor(threads: number) {
    this.workers = Array.from({ length: threads }, () => new ClientWorker());
  }

  /** Opens `rooms` rooms, room i created on endpoint i mod endpoints and joined through the next; the plan's `rooms` is filled in here. */
  async setup(rooms: number, endpoints: readonly string[], plan: Omit<WorkerPlan, "rooms">): Promise<SetupResult> {
    const results = await Promise.all(
      this.workers.map((worker, w) => {
        const mine: WorkerPlan["rooms"] = [];
        for (let i = w; i < rooms; i += this.workers.length)
          // With several processes, players join through another process than the room's creator, as behind a proxy.
          mine.push({ index: i, endpoint: endpoints[i % endpoints.length] as string, joinEndpoint: endpoints[(i + 1) % endpoints.length] as string });
        return worker.send<SetupResult>({ cmd: "setup", plan: { ...plan, rooms: mine } });
      }),
    );
    return {
      rooms: results.reduce((n, r) => n + r.rooms, 0),
      clients: results.reduce((n, r) => n + r.clients, 0),
      failedRooms: results.reduce((n, r) => n + r.failedRooms, 0),
      firstError: results.find((r) => r.firstError)?.firstError ?? null,
    };
  }

  async all<T>(command: Command): Promise<T[]> {
    return Promise.all(this.workers.map((w) => w.send<T>(command)));
  }

  start = () => this.all<null>({ cmd: "start" });
  begin = () => this.all<null>({ cmd: "begin" });
  end = () => this.all<WorkerWindow>({ cmd: "end" });

  /** Leaves every room, then ends the threads. */
  async close(): Promise<void> {
    await this.all<null>({ cmd: "close" }).catch(() => {});
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
