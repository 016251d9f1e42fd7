/**
 * No user-visible text outside the catalogs: every string a person reads in client/ comes
 * from shared/i18n/messages/ through `t(...)`. This walks client/ with the TypeScript parser
 * and reports string and template literals that look like words a person reads (a word
 * followed by a space and another word, a capitalised word, or a sentence's end), except in
 * places that are not text: imports, object keys, element tags, CSS classes and ids,
 * attribute names and machine attribute values, DOM queries, event names, comparisons and
 * `case` labels, console and Error messages (developer-facing), and literal types.
 * A line may opt out with a comment `// i18n-ignore: <why>` on it or just above it.
 * Usage: tsx .ci/check-literals.ts [files…] (default: every .ts file under client/). Exit 1 on findings.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import ts from "typescript";

const ROOT = resolve(import.meta.dirname, "..");
const CLIENT = join(ROOT, "client");
/** Pages that are tools for developers, not screens a player or teacher sees. */
const SKIP = [/client\/market\/bench\//, /\.d\.ts$/];

/** Attribute names whose values are machine words, not text. */
const MACHINE_ATTRIBUTES = new Set([
  "class",
  "className",
  "id",
  "name",
  "type",
  "role",
  "for",
  "htmlFor",
  "autocomplete",
  "inputmode",
  "enterkeyhint",
  "href",
  "src",
  "rel",
  "target",
  "method",
  "pattern",
  "step",
  "min",
  "max",
  "value",
  "style",
  "lang",
  "dir",
  "spellcheck",
  "download",
  "accept",
  "viewBox",
  "d",
  "fill",
  "stroke",
  "transform",
  "xmlns",
  "key",
  "kind",
  "code",
  "field",
  "mode",
  "shape",
  "variant",
  "tone",
  "color",
  "preserveAspectRatio",
  "text-anchor",
  "dominant-baseline",
]);
/** Calls whose (first) string argument is a selector, a tag, an event, a key or a developer's message. */
const MACHINE_CALLS = new Set([
  "h",
  "svg",
  "createElement",
  "createElementNS",
  "querySelector",
  "querySelectorAll",
  "getElementById",
  "closest",
  "matches",
  "addEventListener",
  "removeEventListener",
  "setAttribute",
  "getAttribute",
  "removeAttribute",
  "hasAttribute",
  "toggleAttribute",
  "add",
  "remove",
  "toggle",
  "contains",
  "replace",
  "getItem",
  "setItem",
  "removeItem",
  "get",
  "set",
  "has",
  "delete",
  "send",
  "onMessage",
  "emit",
  "on",
  "once",
  "off",
  "start",
  "launch",
  "stop",
  "restart",
  "switch",
  "fetch",
  "require",
  "error",
  "warn",
  "log",
  "info",
  "debug",
  "Error",
  "TypeError",
  "RangeError",
  "postMessage",
  "startsWith",
  "endsWith",
  "includes",
  "split",
  "join",
  "padStart",
  "match",
  "test",
  "RegExp",
  "URL",
  "URLSearchParams",
  "Blob",
  "CustomEvent",
  "Event",
  "matchMedia",
  "getPropertyValue",
  "setProperty",
  "load",
  "image",
  "json",
  "t",
  "translate",
  "super",
]);

function looksLikeText(text: string): boolean {
  if (!/[A-Za-z]/.test(text) && !/[\u4e00-\u9fff]/.test(text)) return false;
  if (/[\u4e00-\u9fff]/.test(text)) return true;
  // Paths, addresses, CSS, selectors, identifiers, units.
  if (/^[\w./#:@?=&%-]*$/.test(text) && !/^[A-Z][a-z]{2,}$/.test(text)) return false;
  if (/^[.#[:]/.test(text) || /^(--|\d)/.test(text)) return false;
  if (/[;{}]/.test(text) && /:/.test(text)) return false; // CSS
  if (/^(rgba?|hsla?|var|calc|url|translate|scale|rotate|matrix|M |M\d)\b/.test(text)) return false;
  if (/^[a-z-]+( [a-z-]+)*$/.test(text) && !/ /.test(text)) return false;
  // A word followed by another word, a capitalised word, or a sentence's end.
  return /[A-Za-z]{2,}[^\S\n]+[A-Za-z]{2,}/.test(text) || /^[A-Z][a-z]+/.test(text) || /[a-z][.!?:…]$/.test(text);
}

function calleeName(call: ts.CallExpression | ts.NewExpression): string | undefined {
  const e = call.expression;
  if (ts.isIdentifier(e)) return e.text;
  if (ts.isPropertyAccessExpression(e)) return e.name.text;
  return undefined;
}

/** Is the literal in a place that is not text a person reads? */
function isMachinePlace(node: ts.Node): boolean {
  let child: ts.Node = node;
  let parent = node.parent;
  // Look through parentheses, conditionals, `??`/`||` and `as`, which pass a value along.
  while (
    parent &&
    (ts.isParenthesizedExpression(parent) ||
      ts.isConditionalExpression(parent) ||
      ts.isAsExpression(parent) ||
      ts.isSatisfiesExpression(parent) ||
      (ts.isBinaryExpression(parent) && [ts.SyntaxKind.QuestionQuestionToken, ts.SyntaxKind.BarBarToken].includes(parent.operatorToken.kind)))
  ) {
    if (ts.isConditionalExpression(parent) && parent.condition === child) break;
    child = parent;
    parent = parent.parent;
  }
  if (!parent) return false;
  if (ts.isImportDeclaration(parent) || ts.isExportDeclaration(parent) || ts.isImportTypeNode(parent) || ts.isExternalModuleReference(parent)) return true;
  if (ts.isLiteralTypeNode(parent)) return true;
  if (ts.isCaseClause(parent)) return true;
  if (ts.isElementAccessExpression(parent)) return true;
  if (ts.isPropertyAssignment(parent) && parent.name === child) return true;
  if (ts.isPropertyAssignment(parent)) {
    const key = parent.name.getText().replace(/^["']|["']$/g, "");
    if (MACHINE_ATTRIBUTES.has(key) || key.startsWith("data-") || key.startsWith("on")) return true;
  }
  if (ts.isBinaryExpression(parent)) {
    const op = parent.operatorToken.kind;
    if (
      [
        ts.SyntaxKind.EqualsEqualsEqualsToken,
        ts.SyntaxKind.ExclamationEqualsEqualsToken,
        ts.SyntaxKind.EqualsEqualsToken,
        ts.SyntaxKind.ExclamationEqualsToken,
        ts.SyntaxKind.InKeyword,
      ].includes(op)
    )
      return true;
    if (op === ts.SyntaxKind.EqualsToken && ts.isPropertyAccessExpression(parent.left)) {
      const name = parent.left.name.text;
      if (MACHINE_ATTRIBUTES.has(name) || ["cssText", "cursor", "display", "background", "width", "height"].includes(name)) return true;
    }
  }
  if ((ts.isCallExpression(parent) || ts.isNewExpression(parent)) && parent.arguments) {
    const name = parent.expression.kind === ts.SyntaxKind.SuperKeyword ? "super" : calleeName(parent);
    const index = parent.arguments.indexOf(child as ts.Expression);
    if (name === "h" || name === "svg") return index === 0; // children of h() are text
    if (name === "setAttribute") return index === 0 || !/^(aria-label|title|placeholder|alt|aria-description)$/.test(argText(parent, 0));
    if (name && MACHINE_CALLS.has(name)) return true;
  }
  if (ts.isVariableDeclaration(parent) && /^(SELECTOR|CSS|CLASS|KEY|STORAGE|EVENT)/i.test(parent.name.getText())) return true;
  return false;
}

function argText(call: ts.CallExpression | ts.NewExpression, index: number): string {
  const arg = call.arguments?.[index];
  return arg && ts.isStringLiteral(arg) ? arg.text : "";
}

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return files(path);
    return name.endsWith(".ts") ? [path] : [];
  });
}

export function findLiterals(path: string, source = readFileSync(path, "utf8")): { line: number; text: string }[] {
  const file = ts.createSourceFile(path, source, ts.ScriptTarget.ES2022, true);
  const lines = source.split("\n");
  const found: { line: number; text: string }[] = [];
  const visit = (node: ts.Node): void => {
    let text: string | undefined;
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) text = node.text;
    else if (ts.isTemplateExpression(node)) text = [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join(" {} ");
    if (text !== undefined && looksLikeText(text) && !isMachinePlace(node)) {
      const line = file.getLineAndCharacterOfPosition(node.getStart()).line;
      const here = `${lines[line - 1] ?? ""}\n${lines[line] ?? ""}`;
      if (!/i18n-ignore/.test(here)) found.push({ line: line + 1, text });
    }
    if (!ts.isTemplateExpression(node)) ts.forEachChild(node, visit);
    else for (const span of node.templateSpans) visit(span.expression);
  };
  visit(file);
  return found;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const targets = process.argv.slice(2).length ? process.argv.slice(2).map((f) => resolve(f)) : files(CLIENT);
  let count = 0;
  for (const path of targets) {
    if (SKIP.some((re) => re.test(path))) continue;
    for (const { line, text } of findLiterals(path)) {
      count++;
      console.log(`${relative(ROOT, path)}:${line}: text outside the catalogs: ${JSON.stringify(text.length > 70 ? `${text.slice(0, 67)}…` : text)}`);
    }
  }
  if (count > 0) {
    console.log(`${count} user-visible literal(s) in client/: move them to shared/i18n/messages/ and use t(...) (or mark a non-text line // i18n-ignore: why)`);
    process.exit(1);
  }
  console.log("client/ has no user-visible text outside the catalogs");
}
