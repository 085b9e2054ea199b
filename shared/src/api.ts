import { audit } from './contracts/audit';
import { auth } from './contracts/auth';
import { bulletins } from './contracts/bulletins';
import { groups } from './contracts/groups';
import { health } from './contracts/health';
import { members } from './contracts/members';
import { units } from './contracts/units';
import type { Endpoint } from './contract';

/** Every endpoint of the API, by resource. Server routes and client calls both start here. */
export const api = { health, auth, groups, units, members, audit, bulletins };

/** Flat list of every endpoint, for route registration checks and the route × role test. */
export function allEndpoints(): Endpoint[] {
  return Object.values(api).flatMap((resource) => Object.values(resource) as Endpoint[]);
}
