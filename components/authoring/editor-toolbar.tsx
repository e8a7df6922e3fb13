"use client";
import { useRef, useState, type KeyboardEvent } from "react";

export type TTool = {
  id: string;
  label: string;
  /** A DSFR icon class (fr-icon-bold, ...): the icon the button shows. */
  icon: string;
  /** Toggles say whether the selection has them (aria-pressed); actions (undo, link dialog) do not. */
  isPressed?: boolean;
  isDisabled?: boolean;
  /** The label stays visible beside the icon (tools that open a panel); otherwise it is a tooltip. */
  hasVisibleLabel?: boolean;
  run: () => void;
};

/**
 * A WAI-ARIA toolbar: one tab stop, arrow keys (and Home/End) move between tools, each tool an
 * icon with its name (visible or as a tooltip shown on hover and keyboard focus). It wraps on phones.
 */
export function EditorToolbar({ label, controls, groups }: { label: string; controls: string; groups: TTool[][] }) {
  const ref = useRef<HTMLDivElement>(null);
  const tools = groups.flat();
  const [activeId, setActiveId] = useState<string | null>(null);
  // Roving tab index: one tool is in the page's tab order, the last one used (else the first usable).
  const tabStop =
    tools.find((tool) => tool.id === activeId && !tool.isDisabled) ?? tools.find((tool) => !tool.isDisabled);

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const buttons = [...(ref.current?.querySelectorAll<HTMLButtonElement>("button:not(:disabled)") ?? [])];
    const index = buttons.indexOf(document.activeElement as HTMLButtonElement);
    if (index < 0) return;
    const next =
      event.key === "ArrowRight"
        ? (index + 1) % buttons.length
        : event.key === "ArrowLeft"
          ? (index - 1 + buttons.length) % buttons.length
          : event.key === "Home"
            ? 0
            : event.key === "End"
              ? buttons.length - 1
              : null;
    if (next === null) return;
    event.preventDefault();
    setActiveId(buttons[next]!.dataset.tool ?? null);
    buttons[next]!.focus();
  }

  return (
    <div
      ref={ref}
      role="toolbar"
      aria-label={label}
      aria-controls={controls}
      className="editor-toolbar"
      onKeyDown={onKeyDown}
    >
      {groups.map((group, groupIndex) => (
        <div key={groupIndex} className="editor-toolbar-group">
          {group.map((tool) => (
            <button
              key={tool.id}
              type="button"
              className={`editor-tool${tool.hasVisibleLabel ? " editor-tool--labelled" : ""}`}
              aria-pressed={tool.isPressed}
              disabled={tool.isDisabled}
              data-tool={tool.id}
              tabIndex={tool === tabStop ? 0 : -1}
              data-tooltip={tool.hasVisibleLabel ? undefined : tool.label}
              // Keeps the editor's selection: a click on a tool must not blur the text it formats.
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => {
                setActiveId(tool.id);
                tool.run();
              }}
            >
              <span className={tool.icon} aria-hidden="true" />
              <span className={tool.hasVisibleLabel ? "editor-tool-label" : "visually-hidden"}>{tool.label}</span>
            </button>
          ))}
        </div>
      ))}
    </div>
  );
}
