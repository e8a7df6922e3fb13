"use client";
import { EditorContent, useEditor, type JSONContent } from "@tiptap/react";
import StarterKit from "@tiptap/starter-kit";
import Image from "@tiptap/extension-image";
import { TableKit } from "@tiptap/extension-table";

type TLabels = { toolbar: string; bold: string; italic: string; h2: string; h3: string; bullets: string; numbers: string; link: string; linkPrompt: string; image: string; imagePrompt: string; altPrompt: string; table: string; content: string };
type TProps = { id: string; value: JSONContent; onChange: (value: JSONContent) => void; labels: TLabels };

/** Rich-text lesson editor (tiptap). Stores JSON; the server renders it through its own allowlist. */
export function LessonEditor({ id, value, onChange, labels }: TProps) {
  const editor = useEditor({
    immediatelyRender: false,
    extensions: [StarterKit.configure({ heading: { levels: [2, 3] }, link: { openOnClick: false, protocols: ["http", "https", "mailto"] } }), Image, TableKit],
    content: value,
    editorProps: { attributes: { id, "aria-label": labels.content, "aria-multiline": "true", role: "textbox", class: "lesson-editor prose" } },
    onUpdate: ({ editor: current }) => onChange(current.getJSON()),
  });
  if (!editor) return null;
  const button = (label: string, isActive: boolean, run: () => void) => (
    <button type="button" className="button button-tertiary" aria-pressed={isActive} onClick={run}>
      {label}
    </button>
  );
  return (
    <div>
      <div role="toolbar" aria-label={labels.toolbar} aria-controls={id} className="actions-row">
        {button(labels.bold, editor.isActive("bold"), () => editor.chain().focus().toggleBold().run())}
        {button(labels.italic, editor.isActive("italic"), () => editor.chain().focus().toggleItalic().run())}
        {button(labels.h2, editor.isActive("heading", { level: 2 }), () => editor.chain().focus().toggleHeading({ level: 2 }).run())}
        {button(labels.h3, editor.isActive("heading", { level: 3 }), () => editor.chain().focus().toggleHeading({ level: 3 }).run())}
        {button(labels.bullets, editor.isActive("bulletList"), () => editor.chain().focus().toggleBulletList().run())}
        {button(labels.numbers, editor.isActive("orderedList"), () => editor.chain().focus().toggleOrderedList().run())}
        {button(labels.link, editor.isActive("link"), () => {
          const href = window.prompt(labels.linkPrompt);
          if (href) editor.chain().focus().extendMarkRange("link").setLink({ href }).run();
        })}
        {button(labels.image, false, () => {
          const src = window.prompt(labels.imagePrompt);
          const alt = src ? window.prompt(labels.altPrompt) : null;
          // Alt text is required: an image without it is not inserted.
          if (src && alt && alt.trim()) editor.chain().focus().setImage({ src, alt: alt.trim() }).run();
        })}
        {button(labels.table, editor.isActive("table"), () => editor.chain().focus().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run())}
      </div>
      <EditorContent editor={editor} />
    </div>
  );
}
