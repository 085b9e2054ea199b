/** Great-circle distance between two WGS-84 positions, in metres (haversine, mean Earth radius). */
const EARTH_RADIUS_M = 6_371_008.8;

export interface Position {
  latitude: number;
  longitude: number;
}

export function distanceMeters(a: Position, b: Position): number {
  const rad = (deg: number) => (deg * Math.PI) / 180;
  const dLat = rad(b.latitude - a.latitude);
  const dLon = rad(b.longitude - a.longitude);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.latitude)) * Math.cos(rad(b.latitude)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

export function withinRadius(centre: Position, radiusMeters: number, position: Position): boolean {
  return distanceMeters(centre, position) <= radiusMeters;
}
