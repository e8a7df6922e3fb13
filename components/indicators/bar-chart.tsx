import { useId } from "react";
import { ChartDataTable } from "./chart-data-table";
import styles from "./indicators.module.css";

export type TBar = { label: string; value: number | null; display: string };

/**
 * Horizontal SVG bars. The SVG is one labelled image for screen readers; the table that follows
 * carries the same values (WCAG 1.1.1: a text alternative for non-text content).
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
  const max = Math.max(0, ...props.bars.map((bar) => bar.value ?? 0));
  const rowHeight = 28;
  const height = props.bars.length * rowHeight + 8;
  return (
    <figure className={styles.chart}>
      <figcaption id={titleId} className={styles.chartTitle}>
        {props.title}
      </figcaption>
      <svg
        role="img"
        aria-labelledby={titleId}
        aria-describedby={`${titleId}-alt`}
        viewBox={`0 0 600 ${height}`}
        width="100%"
        preserveAspectRatio="xMinYMin meet"
      >
        {props.bars.map((bar, index) => {
          const width = max > 0 && bar.value !== null ? (bar.value / max) * 330 : 0;
          const y = index * rowHeight + 4;
          return (
            <g key={bar.label}>
              <text x="0" y={y + 17} fontSize="13" fill="#161616">
                {bar.label.length > 28 ? `${bar.label.slice(0, 27)}…` : bar.label}
              </text>
              <rect x="200" y={y + 3} width={width} height={rowHeight - 10} fill="#000091" />
              <text x={205 + width} y={y + 17} fontSize="13" fill="#161616">
                {bar.display}
              </text>
            </g>
          );
        })}
      </svg>
      <p id={`${titleId}-alt`} className="muted">
        {props.alt}
      </p>
      <ChartDataTable
        caption={props.tableCaption}
        headers={[props.groupHeader, props.valueHeader]}
        rows={props.bars.map((bar) => ({ label: bar.label, cells: [bar.display] }))}
      />
    </figure>
  );
}
