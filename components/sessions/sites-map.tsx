import Link from "next/link";
import { projectOnMap } from "@/lib/sites/project-on-map";

type TSite = { id: string; name: string; latitude: number | null; longitude: number | null; distance: string | null };
type TProps = {
  sites: TSite[];
  workplace: { lat: number; lng: number } | null;
  labels: { title: string; note: string; workplace: string; marker: (site: TSite) => string };
};

const FRAME = { width: 640, height: 420, margin: 40 };

/**
 * The relay sites drawn on a plain SVG (no tile server): each site a link to its page, the
 * viewer's workplace as a square. Sites without coordinates only appear in the list.
 */
export function SitesMap({ sites, workplace, labels }: TProps) {
  const placed = sites.flatMap((site) =>
    site.latitude !== null && site.longitude !== null
      ? [{ kind: "site" as const, site, lat: site.latitude, lng: site.longitude }]
      : [],
  );
  if (placed.length === 0) return null;
  const points = projectOnMap(
    [...placed, ...(workplace ? [{ kind: "workplace" as const, site: null, ...workplace }] : [])],
    FRAME,
  );
  return (
    <figure className="sites-map">
      <svg
        viewBox={`0 0 ${FRAME.width} ${FRAME.height}`}
        role="group"
        aria-labelledby="sites-map-title"
        aria-describedby="sites-map-note"
      >
        <title id="sites-map-title">{labels.title}</title>
        <rect x="0" y="0" width={FRAME.width} height={FRAME.height} className="sites-map-ground" />
        {points.map((point) =>
          point.kind === "workplace" ? (
            <g key="workplace" role="img" aria-label={labels.workplace}>
              <rect x={point.x - 7} y={point.y - 7} width="14" height="14" className="sites-map-workplace" />
              <text x={point.x + 11} y={point.y + 4} aria-hidden="true">
                {labels.workplace}
              </text>
            </g>
          ) : (
            <Link key={point.site.id} href={`/sites/${point.site.id}`} aria-label={labels.marker(point.site)}>
              <circle cx={point.x} cy={point.y} r="9" className="sites-map-site" />
              <text x={point.x + 13} y={point.y + 4} aria-hidden="true">
                {point.site.name}
              </text>
            </Link>
          ),
        )}
      </svg>
      <figcaption id="sites-map-note" className="muted">
        {labels.note}
      </figcaption>
    </figure>
  );
}
