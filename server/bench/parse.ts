/**
 * `npx tsx server/bench/parse.ts [calls]`: the CPU (user + system) of checking one `submit`
 * as the room does (`parseMessage`: the zod schema's `safeParse`), for the benchmark players'
 * kind of action (training, marketing and one sector's apps), after a warm-up.
 */
import { parseMessage } from "../rooms/messages.js";

const [calls = 200_000] = process.argv.slice(2).map(Number);
const payloads = Array.from({ length: 64 }, (_, i) => ({ action: { train: i * 1.37, marketing: i * 0.21, apps: { support: i * 0.77 } } }));
for (let i = 0; i < 50_000; i++) parseMessage("submit", payloads[i & 63]);
const before = process.cpuUsage();
for (let i = 0; i < calls; i++) parseMessage("submit", payloads[i & 63]);
const used = process.cpuUsage(before);
console.log(`submit parse: ${(((used.user + used.system) * 1000) / calls).toFixed(0)} ns CPU per message (${calls} calls)`);
