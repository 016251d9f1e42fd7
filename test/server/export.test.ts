import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { boot, type ColyseusTestServer } from "@colyseus/testing";
import { afterAll, afterEach, beforeAll, expect, test } from "vitest";
import { createApp } from "../../server/app.js";
import { csvCell, eventText } from "../../server/game/export.js";
import type { MarketRoom } from "../../server/rooms/MarketRoom.js";
import type { ServerMessages } from "../../shared/schemas/protocol.js";
import { replay } from "../../shared/sim/record.js";
import { reportRows } from "../../shared/synced.js";
import { facilitate, host, join, NO_RATE_LIMITS, type Player, waitFor } from "./helpers.js";

const ROOT = path.resolve(import.meta.dirname, "../..");
let colyseus: ColyseusTestServer;

// No store: the routes serve the live room (test/server/facilitator.test.ts covers the store).
beforeAll(async () => {
  colyseus = await boot(createApp({ rateLimits: NO_RATE_LIMITS })); // many downloads from one address
});
afterEach(async () => {
  await colyseus.cleanup();
});
afterAll(async () => {
  await colyseus.shutdown();
});

const get = (url: string, key?: string) => fetch(`http://localhost:2568${url}`, key === undefined ? {} : { headers: { Authorization: `Bearer ${key}` } });

/** RFC 4180 parsing, enough to read back what the export writes. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(cell);
      cell = "";
    } else if (c === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
    } else cell += c;
  }
  return rows;
}

const FIRM = 'Comma, "Quote" Co';
const ZOE = 'Zoë, the "Bold"';
const FORMULA = "=SUM(A1)";

async function playedGame(): Promise<{ facilitator: Player; server: MarketRoom; key: string; code: string }> {
  const { facilitator, server, key } = await facilitate(colyseus, {
    newsSeconds: 30,
    reportSeconds: 30,
    decisionSeconds: 300,
    firms: 3,
    teamSize: 2,
    seed: "export",
  });
  const code = server.roomId;
  const zoe = await join(colyseus, code, { name: ZOE });
  const eq = await join(colyseus, code, { name: FORMULA, firmId: "f1" });
  const quentin = await join(colyseus, code, { name: "Quentin" });
  zoe.room.send("renameFirm", { name: FIRM });
  await waitFor(() => facilitator.room.state.firms[0]?.name === FIRM);

  // Before the game starts there is nothing to export, even with the key.
  const early = await get(`/api/games/${code}/export.csv`, key);
  expect(early.status).toBe(409);
  expect(((await early.json()) as { code: string }).code).toBe("notStarted");

  facilitator.room.send("start");
  for (let q = 0; q < 3; q++) {
    await waitFor(() => facilitator.room.state.phase === "news" && facilitator.room.state.quarter === q);
    facilitator.room.send("forceNext");
    await waitFor(() => facilitator.room.state.phase === "decide");
    if (q === 1) facilitator.room.send("inject", { injection: { kind: "event", event: { kind: "rateChange", delta: 0.02 } } });
    zoe.room.send("submit", { action: { train: 40 + q, apps: { support: 25.5 } } });
    quentin.room.send("submit", { action: { efficiency: 12, hardware: "locked" } });
    await waitFor(() => facilitator.room.state.quarter === q + 1);
    if (q < 2) facilitator.room.send("forceNext");
  }
  facilitator.room.send("endGame");
  await waitFor(() => facilitator.room.state.phase === "over");
  expect(eq.all("rejected")).toEqual([]);
  return { facilitator, server, key, code };
}

test("the export routes need the game's facilitator key: 400, 401, 403, 404", async () => {
  const { key, code } = await playedGame();
  for (const file of ["export.csv", "record.json"]) {
    const bad = await get(`/api/games/ZZZZZZ/${file}`, key);
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { code: string }).code).toBe("badCode");
    const missing = await get(`/api/games/${code}/${file}`);
    expect(missing.status).toBe(401);
    expect(((await missing.clone().json()) as { code: string }).code).toBe("noKey");
    expect(missing.headers.get("www-authenticate")).toMatch(/^Bearer/);
    expect((await fetch(`http://localhost:2568/api/games/${code}/${file}`, { headers: { Authorization: `Basic ${key}` } })).status).toBe(401);
    const wrong = await get(`/api/games/${code}/${file}`, `${key.slice(1)}x`);
    expect(wrong.status).toBe(403);
    expect(await wrong.json()).toEqual({ error: "that is not this game's facilitator key", code: "wrongKey" });
    const none = await get(`/api/games/KKKKKK/${file}`, key);
    expect(none.status).toBe(404);
    expect(((await none.json()) as { code: string }).code).toBe("noGame");
    expect((await get(`/api/games/${code}/${file}`, key)).status).toBe(200);
  }
});

test("the CSV has one row per firm × quarter with every reported figure and action; names are quoted; anonymised, no name remains", async () => {
  const { facilitator, server, key, code } = await playedGame();
  const response = await get(`/api/games/${code}/export.csv`, key);
  expect(response.headers.get("content-type")).toMatch(/^text\/csv/);
  expect(response.headers.get("content-disposition")).toBe(`attachment; filename="scale-or-ship-${code}.csv"`);
  const text = await response.text();
  const [header, ...rows] = parseCsv(text);
  if (!header) throw new Error("empty CSV");
  for (const column of [
    "code",
    "quarter",
    "firmId",
    "firm",
    "players",
    "report.revenue",
    "report.operatingProfit",
    "report.valuation",
    "report.narrative",
    "report.sectorRevenue.support",
    "report.customers.media",
    "report.sectorsServed",
    "action.train",
    "action.apps.support",
    "action.apps.media",
    "action.hardware",
    "action.raise",
    "market.sentiment",
    "market.events",
  ])
    expect(header, column).toContain(column);
  expect(rows).toHaveLength(3 * 3);
  expect(rows.every((r) => r.length === header.length)).toBe(true);
  const col = (name: string) => header.indexOf(name);
  const cell = (row: string[] | undefined, name: string) => row?.[col(name)] ?? "missing";
  expect(rows.map((r) => `${cell(r, "quarter")}:${cell(r, "firmId")}`)).toEqual(["1:f1", "1:f2", "1:f3", "2:f1", "2:f2", "2:f3", "3:f1", "3:f2", "3:f3"]);

  // Figures are the engine's, exactly; the players saw the same ones.
  const match = server.match;
  if (!match) throw new Error("no match");
  const { reports } = replay(match.record);
  const f1q2 = rows[3];
  expect(Number(cell(f1q2, "report.valuation"))).toBe(reports[1]?.firms[0]?.valuation);
  expect(Math.fround(Number(cell(f1q2, "report.valuation")))).toBe(reportRows(facilitator.room.state.firms[0])[2]?.valuation); // float32 in the state
  expect(Number(cell(f1q2, "report.sectorRevenue.support"))).toBe(reports[1]?.firms[0]?.sectorRevenue[0]);
  expect(cell(f1q2, "action.train")).toBe("41");
  expect(cell(f1q2, "action.apps.support")).toBe("25.5");
  expect(cell(rows[4], "action.hardware")).toBe("locked");
  expect(cell(rows[4], "action.efficiency")).toBe("12");
  expect(cell(rows[3], "market.events")).toContain("rateChange(delta=0.02)");
  // Names with commas and quotes come back intact (a cell that starts like a formula is defused: see csvCell below).
  expect(cell(f1q2, "firm")).toBe(FIRM);
  expect(cell(f1q2, "players")).toBe(`${ZOE}; ${FORMULA}`);
  expect(cell(rows[1], "players")).toBe("Quentin");
  expect(cell(rows[2], "players")).toBe("");

  const anonymous = await get(`/api/games/${code}/export.csv?anonymise=1`, key);
  expect(anonymous.headers.get("content-disposition")).toBe(`attachment; filename="scale-or-ship-${code}-anonymised.csv"`);
  const anonText = await anonymous.text();
  const [anonHeader, ...anonRows] = parseCsv(anonText);
  expect(anonHeader).not.toContain("players");
  expect(anonRows).toHaveLength(9);
  expect(anonRows.map((r) => r[anonHeader?.indexOf("firm") ?? -1])).toEqual(anonRows.map((r) => r[anonHeader?.indexOf("firmId") ?? -1]));
  const names = [...match.record.firms.map((f) => f.name), ...server.flow.roster.players.map((p) => p.name), "Zoë", "Bold", "SUM", "Quentin", "Comma"];
  for (const name of names) expect(anonText, name).not.toContain(name);
  expect(text).toContain("Quentin");
});

test("the record JSON is what `npm run sim -- --replay` verifies; it carries the facilitator's log", async () => {
  const { facilitator, key, code } = await playedGame();
  const response = await get(`/api/games/${code}/record.json`, key);
  expect(response.headers.get("content-disposition")).toBe(`attachment; filename="scale-or-ship-${code}.json"`);
  const body = (await response.json()) as { quarters: unknown[]; reports: unknown[]; facilitatorLog: ServerMessages["console"]["log"]; seed: string };
  expect(body.quarters).toHaveLength(3);
  expect(body.reports).toHaveLength(3);
  expect(body.seed).toBe("export");
  expect(body.facilitatorLog).toEqual(facilitator.last("console")?.log);
  expect(body.facilitatorLog.map((e) => e.command)).toContain("inject");

  const file = path.join(mkdtempSync(path.join(tmpdir(), "sos-record-")), "record.json");
  writeFileSync(file, JSON.stringify(body));
  const run = spawnSync(process.execPath, ["--import", "tsx", path.join(ROOT, "server/sim/cli.ts"), "--replay", file], { cwd: ROOT, encoding: "utf8" });
  expect(run.stderr).toBe("");
  expect(run.status).toBe(0);
  expect(run.stdout).toMatch(/replays identically \(3 quarters, 3 firms, seed export\)/);
});

test("the CSV's column guide is served to anyone in the reader's language, as a web page whose links work; every CSV column is in both guides", async () => {
  const { key, code } = await playedGame();
  const header = (await (await get(`/api/games/${code}/export.csv`, key)).text()).split("\n")[0]?.split(",") ?? [];
  expect(header.length).toBeGreaterThan(60);
  for (const lang of ["en", "zh-CN"]) {
    const guide = await get(`/api/export-guide?lang=${lang}`);
    expect(guide.status).toBe(200);
    expect(guide.headers.get("content-type")).toBe("text/html; charset=utf-8");
    const text = await guide.text();
    // Rendered, not Markdown: a heading and tables, no "# " or "| --- |" left for the reader.
    expect(text).toContain(lang === "en" ? "<h1>The CSV export: column guide</h1>" : "<h1>CSV 导出：列说明</h1>");
    expect(text).toContain("<table>");
    expect(text).not.toMatch(/^#+ |\| ?-{3}/m);
    // Every link goes somewhere this server answers: the other language's guide (never a .md file it does not serve).
    const links = [...text.matchAll(/href="([^"]*)"/g)].map((m) => m[1] ?? "");
    expect(links.length).toBeGreaterThan(0);
    for (const href of links) {
      expect(href, lang).toMatch(/^\/api\/export-guide\?lang=(en|zh-CN)$/);
      expect((await get(href)).status).toBe(200);
    }
    // Each column by its name, or by its family with the sector as <sector> / <行业>.
    const sector = lang === "en" ? "&lt;sector&gt;" : "&lt;行业&gt;";
    const missing = header.filter(
      (column) => !text.includes(`<code>${column}</code>`) && !text.includes(`<code>${column.replace(/\.[a-z]+$/, `.${sector}`)}</code>`),
    );
    expect(missing, lang).toEqual([]);
  }
  // Any other language asked for: English.
  expect(await (await get("/api/export-guide?lang=fr")).text()).toContain("<h1>The CSV export: column guide</h1>");
});

test("CSV events read as a person would: figures to 4 significant digits (the record JSON keeps them exact)", () => {
  expect(eventText({ kind: "gpuShock", scope: "vendor", factor: 0.6000600586179644 })).toBe("gpuShock(scope=vendor factor=0.6001)");
  expect(eventText({ kind: "rateChange", delta: 0.02 })).toBe("rateChange(delta=0.02)");
  expect(eventText({ kind: "mediaLaw" })).toBe("mediaLaw");
});

test("CSV cells: quotes, commas and line breaks are quoted; numbers keep full precision", () => {
  expect(csvCell('a "b", c')).toBe('"a ""b"", c"');
  expect(csvCell("line\nbreak")).toBe('"line\nbreak"');
  expect(csvCell(0.1 + 0.2)).toBe("0.30000000000000004");
  expect(csvCell(-3)).toBe("-3");
  expect(csvCell("-3")).toBe("'-3");
  expect(csvCell("@x")).toBe("'@x");
  expect(csvCell(true)).toBe("1");
});

test("a friends game's host, who plays, gets no export until the game is over (rivals' actions, private figures, the seed); a class facilitator gets it mid-game", async () => {
  const { player: hal, server } = await host(colyseus, "Hal", { newsSeconds: 30, reportSeconds: 30, decisionSeconds: 300, firms: 3, seed: "host-export" });
  const code = server.roomId;
  const key = (await waitFor(() => hal.last("console")?.key)) as string;
  const gus = await join(colyseus, code, { name: "Gus" });
  hal.room.send("start");
  await waitFor(() => gus.room.state.phase === "news");
  hal.room.send("forceNext");
  await waitFor(() => gus.room.state.phase === "decide");
  hal.room.send("submit", { action: { train: 10 } });
  gus.room.send("submit", { action: { train: 20 } });
  await waitFor(() => gus.room.state.quarter === 1);

  for (const file of ["record.json", "export.csv", "export.csv?anonymise=1"]) {
    const refused = await get(`/api/games/${code}/${file}`, key);
    expect(refused.status).toBe(409);
    expect(await refused.json()).toEqual({ error: expect.stringContaining("the game is not over"), code: "notOver" });
  }

  hal.room.send("endGame");
  await waitFor(() => gus.room.state.phase === "over");
  const record = await get(`/api/games/${code}/record.json`, key);
  expect(record.status).toBe(200);
  expect(((await record.json()) as { seed: string }).seed).toBe("host-export");

  // A class market's facilitator plays no firm: the export is there mid-game.
  const classGame = await facilitate(colyseus, { newsSeconds: 30, reportSeconds: 30, decisionSeconds: 300, firms: 2, seed: "class-export" });
  await join(colyseus, classGame.server.roomId, { name: "Ada" });
  classGame.facilitator.room.send("start");
  await waitFor(() => classGame.facilitator.room.state.phase === "news");
  expect((await get(`/api/games/${classGame.server.roomId}/record.json`, classGame.key)).status).toBe(200);
});
