import type { MemberKind, PageQuery, Role } from '@zhijian/shared';
import { and, asc, count, eq, ilike, inArray, ne, or, type SQL } from 'drizzle-orm';
import type { Queryable } from '../db/client';
import { branches, members, units } from '../db/schema';
import { notFound } from '../errors';
import { paginate, type Page } from './paginate';
import { containsText, endsWithPattern } from './textSearch';

export type MemberRow = typeof members.$inferSelect;

/** The roster entry, or a 404 naming it. `lock` holds its row until the transaction ends. */
export async function findMember(db: Queryable, id: number, options: { lock?: boolean } = {}): Promise<MemberRow> {
  const query = db.select().from(members).where(eq(members.id, id));
  const [member] = options.lock ? await query.for('update') : await query;
  if (!member) throw notFound('党员');
  return member;
}

/** A roster entry as lists show it: with its branch's name. */
export interface MemberListRow {
  id: number;
  name: string;
  phone: string;
  kind: MemberKind;
  roles: Role[];
  unitId: number | null;
  branchId: number | null;
  branchName: string | null;
  openid: string | null;
  joinedPartyOn: string | null;
}

const listColumns = {
  id: members.id,
  name: members.name,
  phone: members.phone,
  kind: members.kind,
  roles: members.roles,
  unitId: members.unitId,
  branchId: members.branchId,
  branchName: branches.name,
  openid: members.openid,
  joinedPartyOn: members.joinedPartyOn,
};

export async function loadMemberListRow(db: Queryable, id: number): Promise<MemberListRow> {
  const [row] = await db.select(listColumns).from(members).leftJoin(branches, eq(branches.id, members.branchId)).where(eq(members.id, id));
  if (!row) throw notFound('党员');
  return row;
}

/** A unit's roster in the order entries were added; `q` finds a name part or a phone's last digits. */
export async function listMembers(db: Queryable, unitId: number, query: PageQuery & { q?: string }): Promise<Page<MemberListRow>> {
  const filters: SQL[] = [eq(members.unitId, unitId)];
  if (query.q) filters.push(or(containsText(query.q, members.name), ilike(members.phone, endsWithPattern(query.q)))!);
  const where = and(...filters);
  return paginate(query, {
    count: db.select({ n: count() }).from(members).where(where),
    rows: db
      .select(listColumns)
      .from(members)
      .leftJoin(branches, eq(branches.id, members.branchId))
      .where(where)
      .orderBy(asc(members.id))
      .$dynamic(),
  });
}

/** The entry a WeChat account is bound to, if any. */
export async function findMemberIdByOpenid(db: Queryable, openid: string): Promise<number | undefined> {
  const [row] = await db.select({ id: members.id }).from(members).where(eq(members.openid, openid));
  return row?.id;
}

/** The console account with this username, if any: its id and password hash. */
export async function findAccount(db: Queryable, username: string): Promise<{ id: number; passwordHash: string | null } | undefined> {
  const [row] = await db.select({ id: members.id, passwordHash: members.passwordHash }).from(members).where(eq(members.username, username));
  return row;
}

/**
 * The roster entry that invite code, name and phone all name, if one does (the phone already
 * normalised). The invite code is unique and a phone appears once per unit, so there is at most one.
 */
export async function findBindMatch(
  db: Queryable,
  claim: { inviteCode: string; name: string; phone: string },
): Promise<{ id: number; openid: string | null } | undefined> {
  const [row] = await db
    .select({ id: members.id, openid: members.openid })
    .from(members)
    .innerJoin(units, eq(units.id, members.unitId))
    .where(and(eq(units.inviteCode, claim.inviteCode.toUpperCase()), eq(members.name, claim.name), eq(members.phone, claim.phone)));
  return row;
}

/** Whether another entry of the unit already has this phone (the unique key holds it too). */
export async function phoneTaken(db: Queryable, unitId: number, phone: string, exceptId?: number): Promise<boolean> {
  const filters = [eq(members.unitId, unitId), eq(members.phone, phone)];
  if (exceptId !== undefined) filters.push(ne(members.id, exceptId));
  const [row] = await db
    .select({ id: members.id })
    .from(members)
    .where(and(...filters));
  return row !== undefined;
}

/** Whether the branch belongs to the unit. */
export async function isBranchOfUnit(db: Queryable, branchId: number, unitId: number): Promise<boolean> {
  const [row] = await db
    .select({ id: branches.id })
    .from(branches)
    .where(and(eq(branches.id, branchId), eq(branches.unitId, unitId)));
  return row !== undefined;
}

/** The unit's branches by name, for reading a roster file's 党组织 column. */
export async function branchIdsByName(db: Queryable, unitId: number): Promise<Map<string, number>> {
  const rows = await db.select({ id: branches.id, name: branches.name }).from(branches).where(eq(branches.unitId, unitId));
  return new Map(rows.map((row) => [row.name, row.id]));
}

/** Entries of the unit that already have one of these phones, by phone: an import updates them, not duplicates them. */
export async function memberIdsByPhone(db: Queryable, unitId: number, phones: string[]): Promise<Map<string, number>> {
  if (phones.length === 0) return new Map();
  const rows = await db
    .select({ id: members.id, phone: members.phone })
    .from(members)
    .where(and(eq(members.unitId, unitId), inArray(members.phone, phones)));
  return new Map(rows.map((row) => [row.phone, row.id]));
}

/** One line of an exported roster. */
export interface RosterExportRow {
  name: string;
  phone: string;
  kind: MemberKind;
  roles: Role[];
  branch: string | null;
  openid: string | null;
  joinedPartyOn: string | null;
}

export async function listRosterExportRows(db: Queryable, unitId: number): Promise<RosterExportRow[]> {
  return db
    .select({
      name: members.name,
      phone: members.phone,
      kind: members.kind,
      roles: members.roles,
      branch: branches.name,
      openid: members.openid,
      joinedPartyOn: members.joinedPartyOn,
    })
    .from(members)
    .leftJoin(branches, eq(branches.id, members.branchId))
    .where(eq(members.unitId, unitId))
    .orderBy(asc(members.id));
}
