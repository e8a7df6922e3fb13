export type TPoint = { lat: number; lng: number };

/** Great-circle distance in km (mean Earth radius 6,371 km): 0.1° of latitude ≈ 11.12 km. */
export function haversineKm(a: TPoint, b: TPoint): number {
  const rad = (degrees: number) => (degrees * Math.PI) / 180;
  const dLat = rad(b.lat - a.lat);
  const dLng = rad(b.lng - a.lng);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLng / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
}

export function nearestKm(from: TPoint | null, places: readonly TPoint[]): number | null {
  if (!from || places.length === 0) return null;
  return Math.min(...places.map((place) => haversineKm(from, place)));
}
