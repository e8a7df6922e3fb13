import { describe, expect, it } from "vitest";
import { renderLessonHtml, safeUrl } from "./render-lesson-html";

const doc = (...content: unknown[]) => ({ type: "doc", content });
const p = (...content: unknown[]) => ({ type: "paragraph", content });
const text = (value: string, marks: unknown[] = []) => ({ type: "text", text: value, marks });
const link = (href: unknown) => text("cliquez", [{ type: "link", attrs: { href } }]);

/** Whatever the input, the output must contain none of these. */
function expectInert(html: string) {
  expect(html).not.toMatch(/<script|<iframe|<object|<embed|<style|<svg|<form|<input/i);
  expect(html).not.toMatch(/<[^>]*\son[a-z]+\s*=/i);
  expect(html).not.toMatch(/(href|src)="\s*(javascript|vbscript|data|file):/i);
  expect(html).not.toMatch(/<[^>]*style=/i);
}

describe("lesson renderer (tiptap JSON → sanitized HTML)", () => {
  it("renders the allowed structure", () => {
    const html = renderLessonHtml(
      doc(
        { type: "heading", attrs: { level: 2 }, content: [text("Titre")] },
        p(
          text("gras", [{ type: "bold" }]),
          text(" et "),
          text("lien", [{ type: "link", attrs: { href: "https://cnil.fr/x?a=1&b=2" } }]),
        ),
        { type: "bulletList", content: [{ type: "listItem", content: [p(text("un"))] }] },
        {
          type: "table",
          content: [
            { type: "tableRow", content: [{ type: "tableHeader", attrs: { colspan: 2 }, content: [p(text("A"))] }] },
          ],
        },
        { type: "callout", attrs: { tone: "warning" }, content: [p(text("Attention"))] },
        { type: "image", attrs: { src: "/api/uploads/abc", alt: "Schéma" } },
      ),
    );
    expect(html).toBe(
      '<h3>Titre</h3><p><strong>gras</strong> et <a href="https://cnil.fr/x?a=1&#38;b=2" rel="noopener noreferrer nofollow">lien</a></p>' +
        "<ul><li><p>un</p></li></ul>" +
        '<table><tbody><tr><th colspan="2"><p>A</p></th></tr></tbody></table>' +
        '<aside class="callout callout-warning" role="note"><p>Attention</p></aside>' +
        '<img src="/api/uploads/abc" alt="Schéma" loading="lazy">',
    );
  });

  it("escapes markup typed as text", () => {
    const html = renderLessonHtml(doc(p(text('<script>alert(1)</script><img src=x onerror="alert(1)">'))));
    expect(html).toBe("<p>&#60;script&#62;alert(1)&#60;/script&#62;&#60;img src=x onerror=&#34;alert(1)&#34;&#62;</p>");
    expectInert(html);
  });

  it.each([
    "javascript:alert(1)",
    "JAVASCRIPT:alert(1)",
    "  javascript:alert(1)",
    "java\tscript:alert(1)",
    "java\nscript:alert(1)",
    "\u0000javascript:alert(1)",
    "vbscript:msgbox(1)",
    "data:text/html,<script>alert(1)</script>",
    "file:///etc/passwd",
    "//evil.example/x",
    "/\\evil.example/x",
    "&#106;avascript:alert(1)",
    42,
    { toString: "javascript:alert(1)" },
  ])("drops the link %j but keeps its text", (href) => {
    const html = renderLessonHtml(doc(p(link(href))));
    expect(html).toBe("<p>cliquez</p>");
  });

  it("keeps mailto and http(s) links", () => {
    expect(renderLessonHtml(doc(p(link("mailto:dpo@univ.fr"))))).toContain('href="mailto:dpo@univ.fr"');
    expect(renderLessonHtml(doc(p(link("http://example.org/"))))).toContain('href="http://example.org/"');
  });

  it.each([
    "javascript:alert(1)",
    "data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+",
    "//evil.example/a.png",
    "ftp://x/y.png",
  ])("drops an image whose source is %j", (src) => {
    expect(renderLessonHtml(doc({ type: "image", attrs: { src, alt: "x" } }))).toBe("");
  });

  it("drops unknown nodes, unknown marks and every extra attribute", () => {
    const html = renderLessonHtml(
      doc(
        { type: "script", content: [text("alert(1)")] },
        { type: "iframe", attrs: { src: "https://evil.example" } },
        {
          type: "paragraph",
          attrs: { style: "color:red", onclick: "alert(1)", class: "x" },
          content: [text("t", [{ type: "evil", attrs: { onmouseover: "x" } }])],
        },
        {
          type: "image",
          attrs: { src: "https://ok.example/a.png", alt: '"><script>alert(1)</script>', onerror: "alert(1)" },
        },
        { type: "heading", attrs: { level: '1" onclick="alert(1)' }, content: [text("h")] },
        { type: "callout", attrs: { tone: 'info" onmouseover="alert(1)' }, content: [] },
        { type: "orderedList", attrs: { start: '2" onclick="x' }, content: [] },
        { type: "tableCell", attrs: { colspan: "2 onclick=x" }, content: [] },
      ),
    );
    expectInert(html);
    expect(html).toBe(
      'alert(1)<p>t</p><img src="https://ok.example/a.png" alt="&#34;&#62;&#60;script&#62;alert(1)&#60;/script&#62;" loading="lazy">' +
        '<h3>h</h3><aside class="callout callout-info" role="note"></aside><ol></ol><td></td>',
    );
  });

  it("survives malformed and hostile shapes without throwing", () => {
    for (const input of [
      null,
      undefined,
      42,
      "text",
      [],
      { type: "doc", content: "nope" },
      { type: "doc", content: [null, 1, "x", { text: 5 }] },
    ]) {
      expect(() => renderLessonHtml(input)).not.toThrow();
    }
    let deep: unknown = text("bottom");
    for (let i = 0; i < 10_000; i++) deep = { type: "blockquote", content: [deep] };
    expect(() => renderLessonHtml(doc(deep))).not.toThrow();
  });

  it("renders an embedded video with a safe poster, and drops a hostile poster but keeps the video", () => {
    expect(
      renderLessonHtml(
        doc({ type: "video", attrs: { src: "/api/video/v1/stream", poster: "/api/video/v1/poster", title: "Démo" } }),
      ),
    ).toBe(
      '<video controls preload="metadata" src="/api/video/v1/stream" poster="/api/video/v1/poster" title="Démo"></video>',
    );
    const hostile = renderLessonHtml(
      doc({
        type: "video",
        attrs: { src: "/api/video/v1/stream", poster: "javascript:alert(1)", title: '"><script>x</script>' },
      }),
    );
    expect(hostile).toBe(
      '<video controls preload="metadata" src="/api/video/v1/stream" title="&#34;&#62;&#60;script&#62;x&#60;/script&#62;"></video>',
    );
    expectInert(hostile);
  });

  it("safeUrl accepts same-site paths and allowed schemes only", () => {
    expect(safeUrl("/api/uploads/1", ["https:"])).toBe("/api/uploads/1");
    expect(safeUrl("https://a.example/b", ["https:"])).toBe("https://a.example/b");
    expect(safeUrl("http://a.example/b", ["https:"])).toBeNull();
  });
});
