import { useId } from "react";
import { ChartDataTable } from "./chart-data-table";
import styles from "./indicators.module.css";

export type TLinePoint = { label: string; value: number; cells: string[] };

/** A line over time as one labelled SVG image, followed by the table of the same values. */
export function LineChart(props: { title: string; alt: string; headers: string[]; points: TLinePoint[] }) {
  const titleId = useId();
  const max = Math.max(1, ...props.points.map((point) => point.value));
  const [width, height, left, bottom] = [600, 200, 40, 24];
  const step = props.points.length > 1 ? (width - left - 10) / (props.points.length - 1) : 0;
  const coordinates = props.points.map(
    (point, index) => [left + index * step, height - bottom - (point.value / max) * (height - bottom - 10)] as const,
  );
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
        <line x1={left} y1={height - bottom} x2={width} y2={height - bottom} stroke="#666666" />
        <text x="0" y="14" fontSize="12" fill="#161616">
          {max}
        </text>
        <polyline
          points={coordinates.map(([x, y]) => `${x},${y}`).join(" ")}
          fill="none"
          stroke="#000091"
          strokeWidth="2"
        />
        {coordinates.map(([x, y], index) => (
          <g key={props.points[index]!.label}>
            <circle cx={x} cy={y} r="3" fill="#000091" />
            {(props.points.length <= 12 || index % 3 === 0) && (
              <text x={x} y={height - 6} fontSize="11" textAnchor="middle" fill="#161616">
                {props.points[index]!.label}
              </text>
            )}
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
