/** Great-circle distance in km (haversine): the travel indicators need distances, not routes. */
export function haversineKm(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const toRad = (degrees: number) => (degrees * Math.PI) / 180;
  const dLat = toRad(b.lat - a.lat);
  const dLng = toRad(b.lng - a.lng);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(toRad(a.lat)) * Math.cos(toRad(b.lat)) * Math.sin(dLng / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
}

/** Distance rounded to 0.1 km, or null when the workplace has no coordinates. */
export function distanceKmOrNull(
  workplace: { lat: number | null; lng: number | null },
  site: { lat: number; lng: number },
): number | null {
  if (workplace.lat == null || workplace.lng == null) return null;
  return Math.round(haversineKm({ lat: workplace.lat, lng: workplace.lng }, site) * 10) / 10;
}
