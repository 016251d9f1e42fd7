/** `npm run sim -- [options]`: the headless simulator (see command.ts). */
import { main } from "./command.js";

process.exitCode = await main(process.argv.slice(2));
