import { renderLessonHtml } from "../learning/render-lesson-html";

/**
 * A post's HTML: the lessons' renderer (one allowlist and one escaping for all rich text of
 * Relais). Post headings come out as h3/h4 under the thread's h1 and each post's h2.
 */
export function renderPostHtml(body: unknown): string {
  return renderLessonHtml(body);
}
