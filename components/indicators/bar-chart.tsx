import { useId } from "react";
import { ChartDataTable } from "./chart-data-table";
import styles from "./indicators.module.css";

/** A bar; with `href`, it leads to the rows behind it (`linkLabel` names that link). */
export type TBar = { label: string; value: number | null; display: string; href?: string; linkLabel?: string };

/**
 * Horizontal SVG bars. The SVG is one labelled image for screen readers; the table that follows
 * carries the same values (WCAG 1.1.1: a text alternative for non-text content). Bars with a link
 * are clickable with a pointer; keyboard and screen-reader users follow the same links from the
 * table (the bars' links are out of the tab order).
 */
export function BarChart(props: {
  title: string;
  alt: string;
  tableCaption: string;
  groupHeader: string;
  valueHeader: string;
  bars: TBar[];
}) {
  const titleId = useId();
  const hasLinks = props.bars.some((bar) => bar.href);
  const max = Math.max(0, ...props.bars.map((bar) => bar.value ?? 0));
  const rowHeight = 28;
  const height = props.bars.length * rowHeight + 8;
  return (
    <figure className={styles.chart}>
      <figcaption id={titleId} className={styles.chartTitle}>
        {props.title}
      </figcaption>
      <svg
        // With links in it the picture is hidden from assistive technologies rather than an image
        // (an image may not hold links): the caption, the text below and the table say it all.
        {...(hasLinks
          ? { "aria-hidden": true }
          : { role: "img", "aria-labelledby": titleId, "aria-describedby": `${titleId}-alt` })}
        viewBox={`0 0 600 ${height}`}
        width="100%"
        preserveAspectRatio="xMinYMin meet"
      >
        {props.bars.map((bar, index) => {
          const width = max > 0 && bar.value !== null ? (bar.value / max) * 330 : 0;
          const y = index * rowHeight + 4;
          const shapes = (
            <>
              <text x="0" y={y + 17} fontSize="13" fill="#161616">
                {bar.label.length > 28 ? `${bar.label.slice(0, 27)}…` : bar.label}
              </text>
              <rect x="200" y={y + 3} width={width} height={rowHeight - 10} fill="#000091" />
              <text x={205 + width} y={y + 17} fontSize="13" fill="#161616">
                {bar.display}
              </text>
            </>
          );
          return bar.href ? (
            <a key={bar.label} href={bar.href} tabIndex={-1} className={styles.barLink}>
              <title>{bar.linkLabel}</title>
              <rect x="0" y={y} width="600" height={rowHeight} fill="transparent" />
              {shapes}
            </a>
          ) : (
            <g key={bar.label}>{shapes}</g>
          );
        })}
      </svg>
      <p id={`${titleId}-alt`} className="muted">
        {props.alt}
      </p>
      <ChartDataTable
        caption={props.tableCaption}
        headers={[props.groupHeader, props.valueHeader]}
        rows={props.bars.map((bar) => ({
          label: bar.label,
          cells: [bar.display],
          link: bar.href ? { href: bar.href, title: bar.linkLabel } : undefined,
        }))}
      />
    </figure>
  );
}
