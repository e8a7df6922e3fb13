"use client";
import { useState, useSyncExternalStore } from "react";
import { useKeptFormAction } from "@/components/forms/use-kept-form-action";
import { useRouter } from "next/navigation";
import type { JSONContent } from "@tiptap/react";
import type { TActionResult } from "@/lib/auth/authed-action";
import { LessonEditor, type TTextEditorLabels } from "@/components/authoring/lesson-editor";
import { AttachmentField, type TAttachmentLabels } from "./attachment-field";

export type TComposerLabels = {
  title?: string;
  body: string;
  submit: string;
  done: string;
  mentionsHelp: string;
  editor: TTextEditorLabels;
  attachments: TAttachmentLabels;
};

type TProps = {
  id: string;
  action: (
    previous: TActionResult<{ href: string }> | null,
    input: FormData,
  ) => Promise<TActionResult<{ href: string }>>;
  hidden: Record<string, string>;
  labels: TComposerLabels;
  /** Editing: the post's current body (tiptap JSON), and no attachment field. */
  initialBody?: string;
};

const EMPTY: JSONContent = { type: "doc", content: [{ type: "paragraph" }] };

/**
 * Writes a thread or a reply: the lessons' rich-text editor (text tools only) once JavaScript
 * runs, a plain textarea before (the server turns its lines into paragraphs); documents attached
 * through the uploads. The outcome is spoken in a status region; on success the page moves to
 * the new post.
 */
export function PostComposer({ id, action, hidden, labels, initialBody }: TProps) {
  const router = useRouter();
  // False on the server and during hydration, true once JavaScript runs: the editor replaces the textarea.
  const isMounted = useSyncExternalStore(
    () => () => undefined,
    () => true,
    () => false,
  );
  const initial = initialBody ? (JSON.parse(initialBody) as JSONContent) : EMPTY;
  const [body, setBody] = useState<JSONContent>(initial);
  const [generation, setGeneration] = useState(0);
  const [attachments, setAttachments] = useState<{ id: string; fileName: string }[]>([]);
  // A refused post keeps its title and text (useKeptFormAction); a sent one empties the composer.
  const { state, isPending, formRef, formAction, onSubmit } = useKeptFormAction(action, {
    resetOnSuccess: true,
    onDone: (result) => {
      if (!result.ok) return;
      setBody(initial);
      setAttachments([]);
      setGeneration((value) => value + 1);
      if (result.data?.href) router.push(result.data.href);
    },
  });
  const message = state ? (state.ok ? labels.done : state.message) : "";
  return (
    <form ref={formRef} action={formAction} onSubmit={onSubmit} className="form" aria-describedby={`${id}-status`}>
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {labels.title && (
        <>
          <label htmlFor={`${id}-title`}>{labels.title}</label>
          <input id={`${id}-title`} name="title" required minLength={3} maxLength={200} />
        </>
      )}
      <p className="muted" id={`${id}-help`}>
        {labels.mentionsHelp}
      </p>
      {isMounted ? (
        <div className="network-editor" aria-describedby={`${id}-help`}>
          <input type="hidden" name="body" value={JSON.stringify(body)} />
          <LessonEditor
            key={generation}
            id={`${id}-editor`}
            tools="text"
            value={body}
            onChange={setBody}
            labels={labels.editor}
          />
        </div>
      ) : (
        <>
          <label htmlFor={`${id}-text`}>{labels.body}</label>
          <textarea id={`${id}-text`} name="text" rows={6} aria-describedby={`${id}-help`} />
        </>
      )}
      {attachments.map((file) => (
        <input key={file.id} type="hidden" name="attachmentId" value={file.id} />
      ))}
      {isMounted && !initialBody && (
        <AttachmentField
          id={`${id}-attachments`}
          files={attachments}
          labels={labels.attachments}
          onAdd={(file) => setAttachments((files) => [...files, file].slice(0, 5))}
          onRemove={(fileId) => setAttachments((files) => files.filter((file) => file.id !== fileId))}
        />
      )}
      <button type="submit" className="button" disabled={isPending} aria-busy={isPending}>
        {labels.submit}
      </button>
      <p id={`${id}-status`} role="status" className={state?.ok === false ? "error-text" : "success-text"}>
        {message}
      </p>
    </form>
  );
}
