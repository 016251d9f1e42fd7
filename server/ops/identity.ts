import { hostname } from "node:os";

/**
 * This process's name in a cluster (PROCESS_ID): the owner recorded with each join code it
 * claims. Stable across restarts so a restarted process finds its own games again; unique
 * among the processes sharing one Redis.
 */
let name = hostname();

export function processName(): string {
  return name;
}

export function setProcessName(value: string): void {
  name = value;
}
