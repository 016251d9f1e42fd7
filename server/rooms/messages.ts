import { ClientMessageSchemas, type ClientMessageType } from "../../shared/schemas/protocol.js";
import { describe, issuesOf, type Rejection, reject } from "./rejections.js";

/** A client message parsed with its zod schema, ready for the flow; or why it was refused (unknown type, invalid payload). */
export function parseMessage(type: string | number, payload: unknown): { kind: ClientMessageType; data: unknown } | { rejection: Rejection } {
  if (typeof type !== "string" || !Object.hasOwn(ClientMessageSchemas, type)) {
    return { rejection: reject("UNKNOWN_MESSAGE", `unknown message type "${String(type).slice(0, 40)}"`) };
  }
  const kind = type as ClientMessageType;
  const parsed = ClientMessageSchemas[kind].safeParse(payload ?? {});
  if (!parsed.success) return { rejection: reject("INVALID_MESSAGE", `invalid ${kind}: ${describe(parsed.error)}`, { issues: issuesOf(parsed.error) }) };
  return { kind, data: parsed.data };
}
