// Imported first by the other-zone tests: the zone must be set before any Date is made there.
// Node re-reads TZ when it is assigned; restoreZone puts the worker back for files that follow.
const previous = process.env.TZ;
process.env.TZ = 'America/Los_Angeles';

export function restoreZone(): void {
  if (previous === undefined) delete process.env.TZ;
  else process.env.TZ = previous;
}
