import type { TTranslate } from "@/lib/i18n/translate";
import type { TComposerLabels } from "./post-composer";
import { editorToolLabels } from "@/components/authoring/editor-tool-labels";

/** The composer's words in the page's language (a new thread has a title field, a reply none). */
export function composerLabels(t: TTranslate, options: { isThread: boolean }): TComposerLabels {
  return {
    title: options.isThread ? t("networks.page.threadTitle") : undefined,
    body: t("networks.editor.content"),
    submit: options.isThread ? t("networks.page.publish") : t("networks.thread.reply"),
    done: options.isThread ? t("networks.page.published") : t("networks.thread.replyDone"),
    mentionsHelp: t("networks.thread.mentionsHelp"),
    editor: {
      toolbar: t("networks.editor.toolbar"),
      bold: t("networks.editor.bold"),
      italic: t("networks.editor.italic"),
      h2: t("networks.editor.h2"),
      h3: t("networks.editor.h3"),
      bullets: t("networks.editor.bullets"),
      numbers: t("networks.editor.numbers"),
      link: t("networks.editor.link"),
      ...editorToolLabels(t),
      content: t("networks.editor.content"),
    },
    attachments: {
      attach: t("networks.thread.attach"),
      uploading: t("networks.thread.attachUploading"),
      done: t("networks.thread.attachDone"),
      error: t("networks.thread.attachError"),
      remove: t("networks.thread.attachRemove"),
    },
  };
}
