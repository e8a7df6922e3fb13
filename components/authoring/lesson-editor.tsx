"use client";
import { EditorContent, useEditor, type JSONContent } from "@tiptap/react";
import StarterKit from "@tiptap/starter-kit";
import Image from "@tiptap/extension-image";
import { TableKit } from "@tiptap/extension-table";
import { useState } from "react";
import { Video } from "./tiptap-video";
import { uploadImage } from "./upload-media";
import { VideoField, type TVideoFieldLabels } from "./video-field";
import { formatMessage } from "@/lib/i18n/format-message";

/** The labels of the text tools: all a "text" editor needs (network posts reuse this editor). */
export type TTextEditorLabels = {
  toolbar: string;
  bold: string;
  italic: string;
  h2: string;
  h3: string;
  bullets: string;
  numbers: string;
  link: string;
  linkPrompt: string;
  content: string;
};
type TMediaLabels = {
  image: string;
  table: string;
  imageFile: string;
  imageHint: string;
  alt: string;
  altHint: string;
  altRequired: string;
  insertImage: string;
  cancel: string;
  uploadError: string;
  video: string;
  videoTitle: string;
  insertVideo: string;
  videoField: TVideoFieldLabels;
};
type TLabels = TTextEditorLabels & TMediaLabels;
type TProps = {
  id: string;
  value: JSONContent;
  onChange: (value: JSONContent) => void;
  /** "text": without the media tools, whose labels may then be left out. */
  tools?: "all" | "text";
  labels: TTextEditorLabels & Partial<TMediaLabels>;
};

/** Uploads an image (checked and resized on the server) and inserts it with its required alt text. */
function ImageForm({
  id,
  labels,
  onInsert,
  onCancel,
}: {
  id: string;
  labels: TLabels;
  onInsert: (src: string, alt: string) => void;
  onCancel: () => void;
}) {
  const [file, setFile] = useState<File | null>(null);
  const [alt, setAlt] = useState("");
  const [error, setError] = useState("");
  const [isBusy, setIsBusy] = useState(false);
  async function submit() {
    if (!alt.trim()) return setError(labels.altRequired);
    if (!file) return setError(labels.imageHint);
    setIsBusy(true);
    try {
      onInsert((await uploadImage(file)).url, alt.trim());
    } catch (caught) {
      setError(
        formatMessage(labels.uploadError, { message: caught instanceof Error ? caught.message : String(caught) }),
      );
    } finally {
      setIsBusy(false);
    }
  }
  return (
    <fieldset className="form">
      <legend>{labels.image}</legend>
      <label htmlFor={`${id}-image-file`}>{labels.imageFile}</label>
      <input
        id={`${id}-image-file`}
        type="file"
        accept="image/png,image/jpeg,image/webp"
        aria-describedby={`${id}-image-hint`}
        onChange={(event) => setFile(event.target.files?.[0] ?? null)}
      />
      <p className="muted" id={`${id}-image-hint`}>
        {labels.imageHint}
      </p>
      <label htmlFor={`${id}-image-alt`}>{labels.alt}</label>
      <input
        id={`${id}-image-alt`}
        required
        aria-required="true"
        aria-describedby={`${id}-image-alt-hint`}
        value={alt}
        onChange={(event) => setAlt(event.target.value)}
      />
      <p className="muted" id={`${id}-image-alt-hint`}>
        {labels.altHint}
      </p>
      {error && (
        <p role="alert" className="error-text">
          {error}
        </p>
      )}
      <p className="actions-row">
        <button type="button" className="button" disabled={isBusy} onClick={() => void submit()}>
          {labels.insertImage}
        </button>
        <button type="button" className="button button-tertiary" onClick={onCancel}>
          {labels.cancel}
        </button>
      </p>
    </fieldset>
  );
}

/** Uploads a video through the configured provider and embeds it in the lesson once ready. */
function VideoForm({
  id,
  labels,
  onInsert,
  onCancel,
}: {
  id: string;
  labels: TLabels;
  onInsert: (src: string, title: string, poster: string | null) => void;
  onCancel: () => void;
}) {
  const [title, setTitle] = useState("");
  const [ready, setReady] = useState<{ id: string; poster: string | null } | null>(null);
  return (
    <fieldset className="form">
      <legend>{labels.video}</legend>
      <label htmlFor={`${id}-video-title`}>{labels.videoTitle}</label>
      <input
        id={`${id}-video-title`}
        required
        aria-required="true"
        value={title}
        onChange={(event) => setTitle(event.target.value)}
      />
      <VideoField
        id={`${id}-video`}
        assetId={ready?.id ?? null}
        labels={labels.videoField}
        onChange={(assetId, status) => status.status === "READY" && setReady({ id: assetId, poster: status.poster })}
      />
      <p className="actions-row">
        <button
          type="button"
          className="button"
          disabled={!ready || !title.trim()}
          onClick={() => ready && onInsert(`/api/video/${ready.id}/stream`, title.trim(), ready.poster)}
        >
          {labels.insertVideo}
        </button>
        <button type="button" className="button button-tertiary" onClick={onCancel}>
          {labels.cancel}
        </button>
      </p>
    </fieldset>
  );
}

/**
 * Rich-text lesson editor (tiptap). Stores JSON; the server renders it through its own allowlist.
 * tools="text" keeps the text tools only (no image, video or table): network posts.
 */
export function LessonEditor(props: TProps) {
  const { id, value, onChange } = props;
  const labels = props.labels as TLabels;
  const hasMedia = props.tools !== "text";
  const [panel, setPanel] = useState<"image" | "video" | null>(null);
  const editor = useEditor({
    immediatelyRender: false,
    extensions: [
      StarterKit.configure({
        heading: { levels: [2, 3] },
        link: { openOnClick: false, protocols: ["http", "https", "mailto"] },
      }),
      Image,
      TableKit,
      Video,
    ],
    content: value,
    editorProps: {
      attributes: {
        id,
        "aria-label": labels.content,
        "aria-multiline": "true",
        role: "textbox",
        class: "lesson-editor prose",
      },
    },
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
        {button(labels.h2, editor.isActive("heading", { level: 2 }), () =>
          editor.chain().focus().toggleHeading({ level: 2 }).run(),
        )}
        {button(labels.h3, editor.isActive("heading", { level: 3 }), () =>
          editor.chain().focus().toggleHeading({ level: 3 }).run(),
        )}
        {button(labels.bullets, editor.isActive("bulletList"), () => editor.chain().focus().toggleBulletList().run())}
        {button(labels.numbers, editor.isActive("orderedList"), () => editor.chain().focus().toggleOrderedList().run())}
        {button(labels.link, editor.isActive("link"), () => {
          const href = window.prompt(labels.linkPrompt);
          if (href) editor.chain().focus().extendMarkRange("link").setLink({ href }).run();
        })}
        {hasMedia && button(labels.image, panel === "image", () => setPanel(panel === "image" ? null : "image"))}
        {hasMedia && button(labels.video, panel === "video", () => setPanel(panel === "video" ? null : "video"))}
        {hasMedia &&
          button(labels.table, editor.isActive("table"), () =>
            editor.chain().focus().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run(),
          )}
      </div>
      {panel === "image" && (
        <ImageForm
          id={id}
          labels={labels}
          onCancel={() => setPanel(null)}
          onInsert={(src, alt) => {
            // Alt text is required (RGAA 1.1): the form refuses to insert without it, and so does the server's draft schema.
            // Inserted after the selection, never over it: a just-inserted image or video stays selected.
            editor
              .chain()
              .focus()
              .insertContentAt(editor.state.selection.to, { type: "image", attrs: { src, alt } })
              .run();
            setPanel(null);
          }}
        />
      )}
      {panel === "video" && (
        <VideoForm
          id={id}
          labels={labels}
          onCancel={() => setPanel(null)}
          onInsert={(src, title, poster) => {
            editor
              .chain()
              .focus()
              .insertContentAt(editor.state.selection.to, { type: "video", attrs: { src, title, poster } })
              .run();
            setPanel(null);
          }}
        />
      )}
      <EditorContent editor={editor} />
    </div>
  );
}
