import { mergeAttributes, Node } from "@tiptap/core";

/**
 * A video embedded in a lesson: stored as { type: "video", attrs: { src, title, poster } } and
 * rendered for learners by lib/learning/render-lesson-html.ts (same-site sources only there).
 */
export const Video = Node.create({
  name: "video",
  group: "block",
  atom: true,
  draggable: true,
  addAttributes() {
    return { src: { default: null }, title: { default: "" }, poster: { default: null } };
  },
  parseHTML() {
    return [{ tag: "video[src]" }];
  },
  renderHTML({ HTMLAttributes }) {
    return ["video", mergeAttributes({ controls: "true", preload: "metadata" }, HTMLAttributes)];
  },
});
