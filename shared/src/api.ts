import { activities } from './contracts/activities';
import { awards } from './contracts/awards';
import { appraisals } from './contracts/appraisals';
import { benefits } from './contracts/benefits';
import { bonuses } from './contracts/bonuses';
import { cards } from './contracts/cards';
import { deductions } from './contracts/deductions';
import { dues } from './contracts/dues';
import { pioneerIndex } from './contracts/pioneerIndex';
import { recordSettings } from './contracts/recordSettings';
import { schedules } from './contracts/schedules';
import { attendance } from './contracts/attendance';
import { audit } from './contracts/audit';
import { auth } from './contracts/auth';
import { bulletins } from './contracts/bulletins';
import { calls } from './contracts/calls';
import { cases } from './contracts/cases';
import { checkins } from './contracts/checkins';
import { desk } from './contracts/desk';
import { entries } from './contracts/entries';
import { groups } from './contracts/groups';
import { letters } from './contracts/letters';
import { health } from './contracts/health';
import { members } from './contracts/members';
import { news } from './contracts/news';
import { results } from './contracts/results';
import { reviews } from './contracts/reviews';
import { topics } from './contracts/topics';
import { units } from './contracts/units';
import { wishes } from './contracts/wishes';
import { profiles } from './contracts/profiles';
import { commitments } from './contracts/commitments';
import { questions } from './contracts/questions';
import { volunteerActivities } from './contracts/volunteerActivities';
import { overview } from './contracts/overview';
import { videos } from './contracts/videos';
import type { Endpoint } from './contract';

/** Every endpoint of the API, by resource. Server routes and client calls both start here. */
export const api = {
  health,
  auth,
  groups,
  units,
  members,
  audit,
  bulletins,
  calls,
  topics,
  entries,
  desk,
  reviews,
  results,
  cases,
  news,
  schedules,
  activities,
  checkins,
  attendance,
  recordSettings,
  bonuses,
  deductions,
  appraisals,
  dues,
  benefits,
  pioneerIndex,
  cards,
  wishes,
  profiles,
  commitments,
  volunteerActivities,
  questions,
  letters,
  overview,
  awards,
  videos,
};

/** Flat list of every endpoint, for route registration checks and the route × role test. */
export function allEndpoints(): Endpoint[] {
  return Object.values(api).flatMap((resource) => Object.values(resource) as Endpoint[]);
}
