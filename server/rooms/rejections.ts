import type { z } from "zod";
import { type ConfigProblem, problemOf } from "../../shared/config/load.js";
import type { ClientMessageSchemas, ClientMessageType, RejectedMessage } from "../../shared/schemas/protocol.js";
import type { Player } from "../game/roster.js";

/** A refusal before it is addressed: the message type is added when it is sent. */
export type Rejection = Omit<RejectedMessage, "type" | "issues"> & { issues?: RejectedMessage["issues"] };

/** Handles one parsed client message for a seated player; a rejection when refused. */
export type Handler<T extends ClientMessageType> = (player: Player, message: z.output<(typeof ClientMessageSchemas)[T]>) => Rejection | undefined;

export const reject = (code: Rejection["code"], message: string, extra: Partial<Rejection> = {}): Rejection => ({ code, message, ...extra });

/** zod issues as `{ path, message }`, paths dotted. */
export function issuesOf(error: z.ZodError): { path: string; message: string; problem: ConfigProblem }[] {
  return error.issues.map((i) => ({ path: i.path.map(String).join("."), message: i.message, problem: problemOf(i) }));
}

/** zod issues in one line: "quarters: Too big: expected number to be <=40". */
export function describe(error: z.ZodError): string {
  return issuesOf(error)
    .map((i) => (i.path ? `${i.path}: ${i.message}` : i.message))
    .join("; ");
}
