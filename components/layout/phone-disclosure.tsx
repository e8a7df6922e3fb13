"use client";
import { useId, useState, type ReactNode } from "react";

type TProps = { label: string; isInitiallyOpen: boolean; children: ReactNode };

/**
 * A panel that folds behind a toggle button on phones (below 48em) and is always open on wider
 * screens, where the button is hidden: long filter forms would otherwise push results screens down.
 * Without JavaScript the panel stays open (the `noscript` style), so nothing becomes unreachable.
 */
export function PhoneDisclosure({ label, isInitiallyOpen, children }: TProps) {
  const [isOpen, setIsOpen] = useState(isInitiallyOpen);
  const panelId = useId();
  return (
    <div className="phone-disclosure" data-open={isOpen}>
      <noscript>
        <style>
          {".phone-disclosure-panel{display:contents!important}.phone-disclosure-toggle{display:none!important}"}
        </style>
      </noscript>
      <button
        type="button"
        className="button button-secondary phone-disclosure-toggle"
        aria-expanded={isOpen}
        aria-controls={panelId}
        onClick={() => setIsOpen((open) => !open)}
      >
        {label}
      </button>
      <div id={panelId} className="phone-disclosure-panel">
        {children}
      </div>
    </div>
  );
}
