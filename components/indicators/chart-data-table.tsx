import Link from "next/link";
import type { ReactNode } from "react";

type TRow = { label: string; cells: ReactNode[]; link?: { href: string; title?: string } };
type TProps = { caption: string; headers: string[]; rows: TRow[] };

/** The data-table alternative every chart carries (WCAG 1.1.1): one row per bar or point. */
export function ChartDataTable({ caption, headers, rows }: TProps) {
  return (
    <table className="table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          {headers.map((header) => (
            <th key={header} scope="col">
              {header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.label}>
            <th scope="row">
              {row.link ? (
                <Link href={row.link.href} title={row.link.title}>
                  {row.label}
                </Link>
              ) : (
                row.label
              )}
            </th>
            {row.cells.map((cell, index) => (
              <td key={index}>{cell}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
