/**
 * shared/ is the pure rules engine: it may import only its own files and a short list of
 * pure libraries, and may never read the clock or an unseeded random source. Exit 1 names
 * every violation with its file and line.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { builtinModules } from "node:module";
import { dirname, join, relative, resolve } from "node:path";

const ROOT = resolve(import.meta.dirname, "..");
const SHARED = join(ROOT, "shared");
const ALLOWED_PACKAGES = new Set(["zod"]);
const FORBIDDEN_CALLS: [RegExp, string][] = [
  [/\bMath\.random\b/, "Math.random (use the game's seeded generator)"],
  [/\bDate\.now\b/, "Date.now (rules have no clock)"],
  [/\bnew Date\b/, "new Date (rules have no clock)"],
  [/\bperformance\.now\b/, "performance.now (rules have no clock)"],
  [/\bcrypto\.getRandomValues\b/, "crypto.getRandomValues (use the seeded generator)"],
];

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return files(path);
    return /\.(ts|js|mts)$/.test(name) ? [path] : [];
  });
}

/** Blanks comments and string contents but keeps line breaks, so line numbers stay right. */
function stripComments(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*/g, (m) => m.replace(/[^\n]/g, " "));
}

const problems: string[] = [];
for (const file of files(SHARED)) {
  const rel = relative(ROOT, file);
  const code = stripComments(readFileSync(file, "utf8"));
  const lines = code.split("\n");
  lines.forEach((line, i) => {
    for (const [pattern, why] of FORBIDDEN_CALLS) if (pattern.test(line)) problems.push(`${rel}:${i + 1}: calls ${why}`);
  });
  for (const match of code.matchAll(/(?:import|export)\s[^;]*?from\s*["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)|require\(\s*["']([^"']+)["']\s*\)/g)) {
    const spec = (match[1] ?? match[2] ?? match[3]) as string;
    const line = code.slice(0, match.index).split("\n").length;
    if (spec.startsWith(".")) {
      const target = resolve(dirname(file), spec);
      if (!target.startsWith(SHARED)) problems.push(`${rel}:${line}: imports ${spec}, outside shared/`);
      continue;
    }
    const pkg = spec.startsWith("@") ? spec.split("/").slice(0, 2).join("/") : (spec.split("/")[0] as string);
    if (spec.startsWith("node:") || builtinModules.includes(pkg)) problems.push(`${rel}:${line}: imports Node's ${spec}`);
    else if (!ALLOWED_PACKAGES.has(pkg)) problems.push(`${rel}:${line}: imports ${spec} (shared/ may import only ${[...ALLOWED_PACKAGES].join(", ")})`);
  }
}

if (problems.length > 0) {
  console.error(`shared/ must stay pure:\n${problems.map((p) => `  ${p}`).join("\n")}`);
  process.exit(1);
}
console.log(`shared/ is pure (${files(SHARED).length} files checked)`);
