// Places geographic points on a plain SVG drawing: no tile server, no external request.
// Equirectangular projection with longitudes shrunk by cos(mean latitude), which keeps the
// relative positions of sites within a country right to a few percent; the points are fitted
// into the drawing with a margin, aspect ratio kept.

export type TGeoPoint = { lat: number; lng: number };
export type TMapFrame = { width: number; height: number; margin: number };

export function projectOnMap<T extends TGeoPoint>(points: T[], frame: TMapFrame): (T & { x: number; y: number })[] {
  if (points.length === 0) return [];
  const meanLat = points.reduce((sum, point) => sum + point.lat, 0) / points.length;
  const shrink = Math.cos((meanLat * Math.PI) / 180);
  const planar = points.map((point) => ({ point, px: point.lng * shrink, py: point.lat }));
  const [minX, maxX] = [Math.min(...planar.map((p) => p.px)), Math.max(...planar.map((p) => p.px))];
  const [minY, maxY] = [Math.min(...planar.map((p) => p.py)), Math.max(...planar.map((p) => p.py))];
  const innerWidth = frame.width - 2 * frame.margin;
  const innerHeight = frame.height - 2 * frame.margin;
  // One point (or all at one place) has no extent: it goes to the middle.
  const scale = Math.min(
    maxX > minX ? innerWidth / (maxX - minX) : Infinity,
    maxY > minY ? innerHeight / (maxY - minY) : Infinity,
  );
  const finiteScale = Number.isFinite(scale) ? scale : 0;
  const offsetX = frame.margin + (innerWidth - (maxX - minX) * finiteScale) / 2;
  const offsetY = frame.margin + (innerHeight - (maxY - minY) * finiteScale) / 2;
  return planar.map(({ point, px, py }) => ({
    ...point,
    x: Math.round((offsetX + (px - minX) * finiteScale) * 10) / 10,
    // North up: larger latitudes nearer the top.
    y: Math.round((offsetY + (maxY - py) * finiteScale) * 10) / 10,
  }));
}
