"use client";
import { EditorContent, useEditor, useEditorState, type Editor, type JSONContent } from "@tiptap/react";
import StarterKit from "@tiptap/starter-kit";
import Image from "@tiptap/extension-image";
import { TableKit } from "@tiptap/extension-table";
import { Placeholder } from "@tiptap/extensions";
import { useState } from "react";
import { Video } from "./tiptap-video";
import { uploadImage } from "./upload-media";
import { VideoField, type TVideoFieldLabels } from "./video-field";
import { formatMessage } from "@/lib/i18n/format-message";
import { EditorToolbar, type TTool } from "./editor-toolbar";
import { LinkDialog, type TLinkValue } from "./link-dialog";
import type { TEditorToolLabels } from "./editor-tool-labels";
import "./authoring.css";

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
  content: string;
} & TEditorToolLabels;
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

/** What the toolbar shows as pressed or unavailable, read from the editor. */
function readToolState(editor: Editor) {
  return {
    bold: editor.isActive("bold"),
    italic: editor.isActive("italic"),
    h2: editor.isActive("heading", { level: 2 }),
    h3: editor.isActive("heading", { level: 3 }),
    bullets: editor.isActive("bulletList"),
    numbers: editor.isActive("orderedList"),
    quote: editor.isActive("blockquote"),
    link: editor.isActive("link"),
    canUndo: editor.can().undo(),
    canRedo: editor.can().redo(),
  };
}

/** The tool state, re-read on every transaction (a selection change included): tiptap 3 does not re-render by itself. */
function useToolState(editor: Editor | null) {
  const selected = useEditorState({
    editor,
    selector: ({ editor: current }) => (current ? readToolState(current) : null),
  });
  // The first render after the editor is created may come before the subscription's first value.
  return selected ?? (editor ? readToolState(editor) : null);
}

/**
 * Rich-text lesson editor (tiptap): a bordered writing surface under a toolbar of icon buttons.
 * Stores JSON; the server renders it through its own allowlist.
 * tools="text" keeps the text tools only (no image, video or table): network posts.
 */
export function LessonEditor(props: TProps) {
  const { id, value, onChange } = props;
  const labels = props.labels as TLabels;
  const hasMedia = props.tools !== "text";
  const [panel, setPanel] = useState<"image" | "video" | null>(null);
  const [linkDraft, setLinkDraft] = useState<(TLinkValue & { isEditing: boolean }) | null>(null);
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
      Placeholder.configure({ placeholder: labels.placeholder }),
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
  const active = useToolState(editor);
  if (!editor || !active) return null;

  function openLinkDialog() {
    if (!editor) return;
    editor.commands.extendMarkRange("link");
    const { from, to } = editor.state.selection;
    const href = (editor.getAttributes("link").href as string | undefined) ?? "";
    setLinkDraft({ href, text: editor.state.doc.textBetween(from, to, " "), isEditing: Boolean(href) });
  }
  function closeLinkDialog() {
    setLinkDraft(null);
    editor?.commands.focus();
  }
  function applyLink({ href, text }: TLinkValue) {
    if (!editor || !linkDraft) return;
    const { from, to } = editor.state.selection;
    const chain = editor.chain().focus();
    // A new text replaces the selection (or is typed in when nothing is selected); otherwise the selection becomes the link.
    if (text && text !== linkDraft.text)
      chain.insertContentAt({ from, to }, { type: "text", text, marks: [{ type: "link", attrs: { href } }] });
    else if (from === to) chain.insertContent({ type: "text", text: href, marks: [{ type: "link", attrs: { href } }] });
    else chain.extendMarkRange("link").setLink({ href });
    chain.run();
    setLinkDraft(null);
  }

  const run = (command: (chain: ReturnType<Editor["chain"]>) => ReturnType<Editor["chain"]>) => () =>
    command(editor.chain().focus()).run();
  const groups: TTool[][] = [
    [
      {
        id: "undo",
        label: labels.undo,
        icon: "fr-icon-arrow-go-back-line",
        isDisabled: !active.canUndo,
        run: run((c) => c.undo()),
      },
      {
        id: "redo",
        label: labels.redo,
        icon: "fr-icon-arrow-go-forward-line",
        isDisabled: !active.canRedo,
        run: run((c) => c.redo()),
      },
    ],
    [
      { id: "bold", label: labels.bold, icon: "fr-icon-bold", isPressed: active.bold, run: run((c) => c.toggleBold()) },
      {
        id: "italic",
        label: labels.italic,
        icon: "fr-icon-italic",
        isPressed: active.italic,
        run: run((c) => c.toggleItalic()),
      },
    ],
    [
      {
        id: "h2",
        label: labels.h2,
        icon: "fr-icon-h-2",
        isPressed: active.h2,
        run: run((c) => c.toggleHeading({ level: 2 })),
      },
      {
        id: "h3",
        label: labels.h3,
        icon: "fr-icon-h-3",
        isPressed: active.h3,
        run: run((c) => c.toggleHeading({ level: 3 })),
      },
      {
        id: "bullets",
        label: labels.bullets,
        icon: "fr-icon-list-unordered",
        isPressed: active.bullets,
        run: run((c) => c.toggleBulletList()),
      },
      {
        id: "numbers",
        label: labels.numbers,
        icon: "fr-icon-list-ordered",
        isPressed: active.numbers,
        run: run((c) => c.toggleOrderedList()),
      },
      {
        id: "quote",
        label: labels.quote,
        icon: "fr-icon-quote-line",
        isPressed: active.quote,
        run: run((c) => c.toggleBlockquote()),
      },
    ],
    [
      {
        id: "link",
        label: labels.link,
        icon: "fr-icon-link",
        isPressed: active.link,
        hasVisibleLabel: true,
        run: openLinkDialog,
      },
      ...(hasMedia
        ? [
            {
              id: "image",
              label: labels.image,
              icon: "fr-icon-image-line",
              isPressed: panel === "image",
              hasVisibleLabel: true,
              run: () => setPanel(panel === "image" ? null : "image"),
            },
            {
              id: "video",
              label: labels.video,
              icon: "fr-icon-film-line",
              isPressed: panel === "video",
              hasVisibleLabel: true,
              run: () => setPanel(panel === "video" ? null : "video"),
            },
            {
              id: "table",
              label: labels.table,
              icon: "fr-icon-table-line",
              hasVisibleLabel: true,
              run: run((c) => c.insertTable({ rows: 3, cols: 3, withHeaderRow: true })),
            },
          ]
        : []),
    ],
  ];
  return (
    <div className="lesson-editor-frame">
      <EditorToolbar label={labels.toolbar} controls={id} groups={groups} />
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
      <LinkDialog
        id={`${id}-link`}
        isOpen={linkDraft !== null}
        initial={linkDraft ?? EMPTY_LINK}
        isEditing={linkDraft?.isEditing ?? false}
        labels={labels.linkDialog}
        onApply={applyLink}
        onRemove={() => {
          editor.chain().focus().extendMarkRange("link").unsetLink().run();
          setLinkDraft(null);
        }}
        onClose={closeLinkDialog}
        onAfterClose={() => editor.commands.focus()}
      />
    </div>
  );
}
const EMPTY_LINK: TLinkValue = { href: "", text: "" };
