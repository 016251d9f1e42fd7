import { expect, test } from "vitest";
import { createRequest } from "../../server/rooms/joins.js";

const settings = (extra: object = {}) => ({ name: "p1", settings: { name: "game", firms: 4, quarters: 12, ...extra } });

test("rooms with the same scenario, length and override share one economy config; any difference gets its own", () => {
  const a = createRequest(settings()).config;
  const b = createRequest(settings()).config;
  expect(b).toBe(a);
  const longer = createRequest(settings({ quarters: 16 })).config;
  expect(longer).not.toBe(a);
  expect(longer.quarters).toBe(16);
  expect(a.quarters).toBe(12);
  const override = createRequest(settings({ economy: { start: { cash: 1234 } } })).config;
  expect(override).not.toBe(a);
  expect(override.start.cash).toBe(1234);
  expect(a.start.cash).not.toBe(1234);
  expect(createRequest(settings({ economy: { start: { cash: 1234 } } })).config).toBe(override);
});
