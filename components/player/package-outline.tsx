"use client";
import Link from "next/link";
import { useId, useState } from "react";
import type { TOutlineItem, TScoStatus, TScormOutline } from "@/lib/packages/scorm-navigation";

type TProps = {
  outline: TScormOutline;
  /** The player's URL for this activity; a SCO is `${hrefBase}&sco=<id>`. */
  hrefBase: string;
  labels: {
    title: string;
    show: string;
    hide: string;
    previous: string;
    next: string;
    statuses: Record<TScoStatus, string>;
  };
};

/**
 * The package's item tree (its organization, visible items only) and Previous/Next in flow order:
 * what the learner may choose comes from lib/packages/scorm-navigation.ts. On a phone the tree
 * folds behind a toggle, so the SCO keeps the screen.
 */
export function PackageOutline({ outline, hrefBase, labels }: TProps) {
  const [isOpen, setIsOpen] = useState(false);
  const listId = useId();
  const hrefOf = (id: string) => `${hrefBase}&sco=${encodeURIComponent(id)}`;
  // No previous / next SCO in flow: the button stays, disabled, so the layout does not jump.
  const flowLink = (id: string | null, label: string, className: string, rel: "prev" | "next") =>
    id ? (
      <Link className={className} href={hrefOf(id)} rel={rel}>
        {label}
      </Link>
    ) : (
      <button type="button" className={className} disabled>
        {label}
      </button>
    );
  const renderItems = (items: TOutlineItem[]) => (
    <ul>
      {items.map((item) => (
        <li key={item.id}>
          {item.isCurrent ? (
            <a href={hrefOf(item.id)} aria-current="step" className="package-outline-current">
              {item.title}
            </a>
          ) : item.canChoose ? (
            <Link href={hrefOf(item.id)}>{item.title}</Link>
          ) : (
            <span>{item.title}</span>
          )}
          {item.status && <span className="muted"> — {labels.statuses[item.status]}</span>}
          {item.children.length > 0 && renderItems(item.children)}
        </li>
      ))}
    </ul>
  );
  return (
    <nav className="package-outline" aria-label={labels.title}>
      <h3>{labels.title}</h3>
      <button
        type="button"
        className="button button-secondary package-outline-toggle"
        aria-expanded={isOpen}
        aria-controls={listId}
        onClick={() => setIsOpen(!isOpen)}
      >
        {isOpen ? labels.hide : labels.show}
      </button>
      <div id={listId} className="package-outline-items" data-open={isOpen}>
        {renderItems(outline.items)}
      </div>
      <div className="player-nav">
        {flowLink(outline.previousId, labels.previous, "button button-secondary", "prev")}
        {flowLink(outline.nextId, labels.next, "button", "next")}
      </div>
    </nav>
  );
}
