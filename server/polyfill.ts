import { WebSocket } from "ws";

/**
 * Colyseus 0.18 targets Node 22, whose global `WebSocket` its room code reads (`WebSocket.OPEN`
 * when a client reconnects). Node 20 has no such global: without this, every reconnection
 * fails with "WebSocket is not defined". The `ws` class has the same readyState constants.
 */
if (!("WebSocket" in globalThis)) Object.assign(globalThis, { WebSocket });
