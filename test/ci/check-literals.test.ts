import { describe, expect, it } from "vitest";
import { findLiterals } from "../../.ci/check-literals.js";

const texts = (source: string) => findLiterals("x.ts", source).map((f) => f.text);

describe("the lint on text outside the catalogs", () => {
  it("finds words a person reads", () => {
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the source under test holds a template
    const template = "h(\"button\", { 'aria-label': `Join ${name}` });";
    expect(texts(`h("p", {}, "Hello there");`)).toEqual(["Hello there"]);
    expect(texts(`el.textContent = "Join";`)).toEqual(["Join"]);
    expect(texts(template)).toEqual(["Join  {} "]);
    expect(texts(`const x = "价格";`)).toEqual(["价格"]);
  });

  it("passes machine words, developer messages and marked lines", () => {
    expect(texts(`h("div", { class: "panel wide", id: "quarters" }); super("Menu");`)).toEqual([]);
    expect(texts(`if (kind === "Join now") throw new Error("bad state here"); console.warn("oops it broke");`)).toEqual([]);
    expect(texts(`import { a } from "./some file.js"; el.querySelector("div > p.note");`)).toEqual([]);
    expect(texts(`// i18n-ignore: a brand\nconst brand = "Scale or Ship";`)).toEqual([]);
    expect(texts(`h("p", {}, t("common.appName"));`)).toEqual([]);
  });
});
