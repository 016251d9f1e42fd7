import { ColyseusSDK, Room } from "@colyseus/sdk";
import { JOIN_ERRORS } from "../../shared/schemas/protocol.js";

const REFUSALS: ReadonlySet<number> = new Set(Object.values(JOIN_ERRORS));

/**
 * A room whose join the server refuses closes as expected. The server refuses a join once the
 * connection arrives (a `JOIN_ERRORS` code, e.g. 4307 SEAT_HELD, then the socket closes with
 * 4002), and the SDK logs any close before the join completes as "Room connection was closed
 * unexpectedly (4002)" beside the clear message the page shows for the code. After a refusal
 * that close is left unsaid; every other close goes to the SDK's own handling.
 */
class RefusableRoom<State> extends Room<unknown, State> {
  override connect(endpoint: string, options?: unknown, headers?: unknown): void {
    let refused = false;
    // A plain listener, never removed: the SDK's signal drops a neighbour when a `once` listener
    // removes itself during its call, and removes the last listener when asked for an unknown one.
    this.onError((code: number) => {
      if (this.joinedAtTime === 0 && REFUSALS.has(code)) refused = true;
    });
    super.connect(endpoint, options, headers);
    const events = this.connection.events;
    const close = events.onclose;
    events.onclose = (event) => {
      // Refused before it joined: the join's promise has already rejected with the code.
      if (refused && this.joinedAtTime === 0) return;
      close?.(event);
    };
  }
}

/** The Colyseus client whose rooms treat a refused join as an answer, not an unexpected close. */
export class GameClient extends ColyseusSDK {
  protected override createRoom<T>(roomName: string, rootSchema?: ConstructorParameters<typeof Room<unknown, T>>[1]): Room<unknown, T> {
    return new RefusableRoom<T>(roomName, rootSchema);
  }
}
