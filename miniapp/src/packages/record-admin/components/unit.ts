import { useRouter } from '@tarojs/taro';
import { shanghaiDate, formatDate } from '@zhijian/shared';
import { useSession } from '../../../hooks/useSession';

/**
 * The unit a page is about: the unit admin's own, or (for the secretariat, from 指数分布) the unit
 * named in the link.
 */
export function usePageUnit(): { unitId: number; unitName: string } | null {
  const session = useSession();
  const { params } = useRouter();
  const fromQuery = Number(params.unitId);
  if (Number.isInteger(fromQuery) && fromQuery > 0) return { unitId: fromQuery, unitName: decodeURIComponent(params.unitName ?? '') };
  const unit = session?.user.unit;
  return unit ? { unitId: unit.id, unitName: unit.name } : null;
}

export function thisYear(): number {
  return shanghaiDate(new Date()).year;
}

/** Appraisals and the year's close look back at the year just ended until the end of March. */
export function recentYear(): number {
  const now = shanghaiDate(new Date());
  return now.month <= 3 ? now.year - 1 : now.year;
}

/** Yuan as typed (`50`, `50.5`) to fen; null when it is not an amount. */
export function centsOf(yuan: string): number | null {
  const value = yuan.trim().replace(/^¥/, '');
  if (!/^\d{1,6}(\.\d{1,2})?$/.test(value)) return null;
  return Math.round(Number(value) * 100);
}

export function yuanOf(cents: number): string {
  return (cents / 100).toFixed(cents % 100 === 0 ? 0 : 2);
}

/** Writes are the unit admin's of that unit only: the secretariat reads. */
export function useKeepsUnit(unitId: number | undefined): boolean {
  const session = useSession();
  return Boolean(session && unitId !== undefined && session.user.roles.includes('unit_admin') && session.user.unit?.id === unitId);
}

/** `asOf` is the instant a month began: the figures are those of the day before it ends. */
export function lastDayBefore(asOf: string): string {
  return formatDate(shanghaiDate(new Date(Date.parse(asOf) - 1)));
}
