import Link from "next/link";

type TProps = {
  label: string;
  page: number;
  pageCount: number;
  href: (page: number) => string;
  labels: { previous: string; next: string; page: string };
};

/** Previous / next links and "page n of m", in a labelled navigation landmark; nothing for a single page. */
export function Pagination({ label, page, pageCount, href, labels }: TProps) {
  if (pageCount <= 1) return null;
  return (
    <nav aria-label={label} className="network-pagination">
      <ul>
        {page > 1 && (
          <li>
            <Link href={href(page - 1)} rel="prev">
              {labels.previous}
            </Link>
          </li>
        )}
        <li aria-current="page">{labels.page}</li>
        {page < pageCount && (
          <li>
            <Link href={href(page + 1)} rel="next">
              {labels.next}
            </Link>
          </li>
        )}
      </ul>
    </nav>
  );
}
