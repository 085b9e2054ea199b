import type { MemberKind, Role, UnitKind } from '@zhijian/shared';
import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgTable, serial, text, timestamp, unique, uniqueIndex } from 'drizzle-orm/pg-core';

/** 片组: the association groups its member units into numbered groups (第一片组 …). */
export const groups = pgTable('groups', {
  id: serial('id').primaryKey(),
  name: text('name').notNull().unique(),
  sortOrder: integer('sort_order').notNull().default(0),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** 会员单位. The invite code is what a member types to bind their WeChat account to the roster. */
export const units = pgTable(
  'units',
  {
    id: serial('id').primaryKey(),
    name: text('name').notNull().unique(),
    kind: text('kind').$type<UnitKind>().notNull(),
    groupId: integer('group_id')
      .notNull()
      .references(() => groups.id, { onDelete: 'restrict' }),
    inviteCode: text('invite_code').notNull().unique(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    check('units_kind_check', sql`${table.kind} in ('enterprise', 'social_org', 'park', 'market', 'trade_body', 'college', 'other')`),
    index('units_group_idx').on(table.groupId),
  ],
);

/** 党组织: a unit's branches (党支部, 党总支 …). */
export const branches = pgTable(
  'branches',
  {
    id: serial('id').primaryKey(),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
  },
  (table) => [unique('branches_unit_name_unique').on(table.unitId, table.name)],
);

/**
 * People: roster entries of a unit, plus accounts without a unit (secretariat staff, outside
 * experts). An openid is only ever bound to an existing entry, never trusted by itself.
 */
export const members = pgTable(
  'members',
  {
    id: serial('id').primaryKey(),
    name: text('name').notNull(),
    phone: text('phone').notNull(),
    kind: text('kind').$type<MemberKind>().notNull().default('fixed'),
    unitId: integer('unit_id').references(() => units.id, { onDelete: 'restrict' }),
    branchId: integer('branch_id').references(() => branches.id, { onDelete: 'set null' }),
    roles: text('roles')
      .array()
      .$type<Role[]>()
      .notNull()
      .default(sql`'{member}'::text[]`),
    /** 入党日期, where the roster gives it. */
    joinedPartyOn: date('joined_party_on'),
    openid: text('openid').unique(),
    username: text('username').unique(),
    passwordHash: text('password_hash'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    check('members_kind_check', sql`${table.kind} in ('fixed', 'mobile')`),
    check(
      'members_roles_check',
      sql`cardinality(${table.roles}) > 0 and ${table.roles} <@ array['member', 'unit_admin', 'info_officer', 'reviewer', 'secretariat', 'party_secretary', 'group_leader']::text[]`,
    ),
    check('members_phone_check', sql`${table.phone} ~ '^1[3-9][0-9]{9}$'`),
    uniqueIndex('members_unit_phone_unique').on(table.unitId, table.phone),
    index('members_unit_idx').on(table.unitId),
  ],
);
