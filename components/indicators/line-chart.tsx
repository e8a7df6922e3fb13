import { useId } from "react";
import { ChartDataTable } from "./chart-data-table";
import styles from "./indicators.module.css";

/** `label` names the point in the table; `axisLabel`, shorter, sits under the x axis. */
export type TLinePoint = { label: string; axisLabel: string; value: number; cells: string[] };

/**
 * A line over time as one labelled SVG image, followed by the table of the same values. Every point
 * has its label on the x axis (slanted beyond 12 points so that none is skipped); the y axis shows
 * 0, half and the maximum, with the measure's name.
 */
export function LineChart(props: {
  title: string;
  alt: string;
  headers: string[];
  points: TLinePoint[];
  valueAxisLabel: string;
  formatValue: (value: number) => string;
}) {
  const titleId = useId();
  const max = Math.max(1, ...props.points.map((point) => point.value));
  const isSlanted = props.points.length > 12;
  const [width, left, top] = [600, 56, 28];
  const bottom = isSlanted ? 56 : 28;
  const height = 200 + bottom;
  const plotHeight = height - bottom - top;
  const yOf = (value: number) => height - bottom - (value / max) * plotHeight;
  const step = props.points.length > 1 ? (width - left - 10) / (props.points.length - 1) : 0;
  const coordinates = props.points.map((point, index) => [left + index * step, yOf(point.value)] as const);
  const ticks = [...new Set([0, Math.round(max / 2), max])];
  return (
    <figure className={styles.chart}>
      <figcaption id={titleId} className={styles.chartTitle}>
        {props.title}
      </figcaption>
      <svg
        role="img"
        aria-labelledby={titleId}
        aria-describedby={`${titleId}-alt`}
        viewBox={`0 0 ${width} ${height}`}
        width="100%"
      >
        <text x="0" y="14" fontSize="12" fill="#161616">
          {props.valueAxisLabel}
        </text>
        {ticks.map((tick) => (
          <g key={tick}>
            <line x1={left} y1={yOf(tick)} x2={width} y2={yOf(tick)} stroke={tick === 0 ? "#666666" : "#dddddd"} />
            <text x={left - 6} y={yOf(tick) + 4} fontSize="11" textAnchor="end" fill="#161616">
              {props.formatValue(tick)}
            </text>
          </g>
        ))}
        <polyline
          points={coordinates.map(([x, y]) => `${x},${y}`).join(" ")}
          fill="none"
          stroke="#000091"
          strokeWidth="2"
        />
        {coordinates.map(([x, y], index) => (
          <g key={props.points[index]!.label}>
            <circle cx={x} cy={y} r="3" fill="#000091" />
            <text
              x={x}
              y={height - bottom + 16}
              fontSize="11"
              textAnchor={isSlanted ? "end" : "middle"}
              transform={isSlanted ? `rotate(-45 ${x} ${height - bottom + 16})` : undefined}
              fill="#161616"
            >
              {props.points[index]!.axisLabel}
            </text>
          </g>
        ))}
      </svg>
      <p id={`${titleId}-alt`} className="muted">
        {props.alt}
      </p>
      <ChartDataTable caption={props.title} headers={props.headers} rows={props.points} />
    </figure>
  );
}
