import { Marked, type Tokens } from "marked";
import type { Locale } from "../../shared/i18n/core.js";
import { exportGuidePath } from "../../shared/schemas/export.js";

/** The guides this server serves, by file: a link to one of them stays a link, to its page here. */
const SERVED: Readonly<Record<string, Locale>> = { "export.md": "en", "export.zh-CN.md": "zh-CN" };

/**
 * The column guide (Markdown in docs/) as a page a teacher reads: rendered HTML, its tables as
 * tables. A link to the other language's guide goes to that page; a link to a document this
 * server does not serve (model.md, protocol.md) would go nowhere, so it is left as its words.
 */
export function guidePage(markdown: string, lang: Locale): string {
  const marked = new Marked({
    renderer: {
      link(this: { parser: { parseInline(tokens: Tokens.Link["tokens"]): string } }, { href, tokens }: Tokens.Link): string {
        const words = this.parser.parseInline(tokens);
        const served = SERVED[href.split("#")[0] ?? ""];
        if (served) return `<a href="${exportGuidePath(served)}">${words}</a>`;
        if (/^https?:\/\//.test(href)) return `<a href="${href}">${words}</a>`;
        return words;
      },
    },
  });
  // A line break between two Chinese characters is no space in Chinese (Markdown would make it one).
  const text = markdown.replace(/([\u3000-\u9fff\uff00-\uffef])\n(?=[\u3000-\u9fff\uff00-\uffef])/g, "$1");
  const body = marked.parse(text, { async: false });
  const title = /^#\s+(.+)$/m.exec(markdown)?.[1] ?? "";
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title.replace(/[<>&]/g, "")}</title>
<style>
body { font: 16px/1.5 system-ui, sans-serif; max-width: 60rem; margin: 0 auto; padding: 1rem; color: #1b1f27; background: #fff; }
table { border-collapse: collapse; display: block; overflow-x: auto; }
th, td { border: 1px solid #c8ccd4; padding: 4px 8px; text-align: left; vertical-align: top; }
code { background: #f0f2f5; padding: 0 3px; border-radius: 3px; }
pre { background: #f0f2f5; padding: 8px; overflow-x: auto; }
</style>
</head>
<body>
${body}</body>
</html>
`;
}
