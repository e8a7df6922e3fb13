import { describe, expect, it } from "vitest";
import { MAX_POST_TEXT_CHARS, parsePostContent, postDocFromPlainText, findMentions } from "./post-content";
import { renderPostHtml } from "./render-post-html";

const text = (value: string, marks?: unknown[]) => ({ type: "text", text: value, ...(marks ? { marks } : {}) });
const docOf = (...content: unknown[]) => JSON.stringify({ type: "doc", content });
const render = (raw: string) => renderPostHtml(parsePostContent(raw).doc);
const code = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return (error as { code: string; details: { messageKey: string } }).details.messageKey;
  }
  return "accepted";
};

describe("hostile post content is sanitized (rebuilt from an allowlist, then rendered by the lessons' renderer)", () => {
  it("script and iframe nodes are dropped, their text kept as text", () => {
    const html = render(
      docOf(
        { type: "script", content: [text("alert(1)")] },
        { type: "paragraph", content: [text("<script>alert('x')</script>")] },
        { type: "iframe", attrs: { src: "https://evil.test" } },
      ),
    );
    expect(html).not.toContain("<script");
    expect(html).not.toContain("<iframe");
    expect(html).toContain("&#60;script&#62;alert(&#39;x&#39;)&#60;/script&#62;");
  });

  it("javascript:, data: and obfuscated links lose their link, keep their text", () => {
    for (const href of [
      "javascript:alert(1)",
      " JaVaScRiPt:alert(1)",
      "java\tscript:alert(1)",
      "data:text/html,<b>",
      "//evil.test",
      "vbscript:x",
    ]) {
      const html = render(docOf({ type: "paragraph", content: [text("clic", [{ type: "link", attrs: { href } }])] }));
      expect(html, href).toBe("<p>clic</p>");
    }
    expect(
      render(
        docOf({
          type: "paragraph",
          content: [text("ok", [{ type: "link", attrs: { href: 'https://relais.test/a?b=1&c="' } }])],
        }),
      ),
    ).toBe('<p><a href="https://relais.test/a?b=1&#38;c=%22" rel="noopener noreferrer nofollow">ok</a></p>');
  });

  it("event handlers and unknown attributes never reach the HTML", () => {
    const html = render(
      docOf(
        { type: "paragraph", attrs: { onclick: "alert(1)", style: "x", class: "evil" }, content: [text("a")] },
        { type: "heading", attrs: { level: 1, onmouseover: "alert(1)" }, content: [text("t")] },
        { type: "image", attrs: { src: "https://x.test/p.png", onerror: "alert(1)" } },
      ),
    );
    expect(html).toBe("<p>a</p><h3>t</h3>");
    expect(html).not.toMatch(/on\w+=/);
  });

  it("deep nesting is refused with its own message, not recursed into", () => {
    // Written as text: JSON.stringify itself overflows on such a tree.
    const deep = (levels: number) =>
      `{"type":"doc","content":[${'{"type":"blockquote","content":['.repeat(levels)}{"type":"paragraph","content":[{"type":"text","text":"deep"}]}${"]}".repeat(levels)}]}`;
    expect(code(() => parsePostContent(deep(500)))).toBe("networks.errors.postTooDeep");
    // Arrays nested far deeper: refused (nothing readable), never a stack overflow.
    expect(["networks.errors.postMalformed", "networks.errors.postTooDeep", "networks.errors.postEmpty"]).toContain(
      code(() => parsePostContent(`{"type":"doc","content":${"[".repeat(90_000)}${"]".repeat(90_000)}}`)),
    );
    let shallow: unknown = { type: "paragraph", content: [text("ok")] };
    for (let i = 0; i < 10; i++) shallow = { type: "blockquote", content: [shallow] };
    expect(render(docOf(shallow))).toContain("ok");
  });

  it("NUL bytes and control characters are removed (PostgreSQL jsonb refuses \\u0000)", () => {
    const content = parsePostContent(docOf({ type: "paragraph", content: [text("a\u0000b\u0007c\u001b[31m")] }));
    expect(content.text).toBe("abc[31m");
    expect(JSON.stringify(content.doc)).not.toMatch(/\\u0000|\\u0007|\\u001b/);
    expect(postDocFromPlainText("x\u0000y")).toContain('"xy"');
  });

  it("huge posts are refused before parsing, long texts after; empty posts too", () => {
    expect(code(() => parsePostContent("x".repeat(300_000)))).toBe("networks.errors.postTooLong");
    expect(
      code(() => parsePostContent(docOf({ type: "paragraph", content: [text("é".repeat(MAX_POST_TEXT_CHARS + 1))] }))),
    ).toBe("networks.errors.postTooLong");
    expect(code(() => parsePostContent(docOf({ type: "paragraph", content: [text("   ")] })))).toBe(
      "networks.errors.postEmpty",
    );
    expect(code(() => parsePostContent("{not json"))).toBe("networks.errors.postMalformed");
    expect(code(() => parsePostContent('{"type":"paragraph"}'))).toBe("networks.errors.postMalformed");
  });

  it("allowed formatting survives: bold, lists, code, quotes", () => {
    const html = render(
      docOf(
        { type: "paragraph", content: [text("gras", [{ type: "bold" }, { type: "evil" }])] },
        {
          type: "bulletList",
          content: [{ type: "listItem", content: [{ type: "paragraph", content: [text("un")] }] }],
        },
        { type: "codeBlock", content: [text("<b>")] },
      ),
    );
    expect(html).toBe("<p><strong>gras</strong></p><ul><li><p>un</p></li></ul><pre><code>&#60;b&#62;</code></pre>");
  });

  it("mentions are @handles, not e-mail addresses", () => {
    expect(findMentions("Merci @Claire.Fontaine et @julien.morel. Écrire à x@relais.test")).toEqual([
      "claire.fontaine",
      "julien.morel",
    ]);
  });
});
