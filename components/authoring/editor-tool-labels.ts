import type { TTranslate } from "@/lib/i18n/translate";

/** The words of the editor's shared tools (undo, quote, the link dialog), for lessons and network posts alike. */
export function editorToolLabels(t: TTranslate) {
  const dialog = (key: string) => t(`editorTools.linkDialog.${key}` as Parameters<TTranslate>[0]);
  return {
    undo: t("editorTools.undo"),
    redo: t("editorTools.redo"),
    quote: t("editorTools.quote"),
    placeholder: t("editorTools.placeholder"),
    linkDialog: Object.fromEntries(
      [
        "title",
        "titleEdit",
        "url",
        "urlHint",
        "text",
        "textHint",
        "apply",
        "remove",
        "cancel",
        "urlRequired",
        "invalidUrl",
      ].map((key) => [key, dialog(key)]),
    ) as TLinkDialogLabels,
  };
}

export type TLinkDialogLabels = {
  title: string;
  titleEdit: string;
  url: string;
  urlHint: string;
  text: string;
  textHint: string;
  apply: string;
  remove: string;
  cancel: string;
  urlRequired: string;
  invalidUrl: string;
};
export type TEditorToolLabels = ReturnType<typeof editorToolLabels>;
