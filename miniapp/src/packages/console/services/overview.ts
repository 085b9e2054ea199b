import { api } from '@zhijian/shared';
import { call } from '../../../services/api';

/** The secretariat's home page figures and what waits on them. */
export function fetchOverview() {
  return call(api.overview.get, {});
}
