import { eq, sql } from 'drizzle-orm';
import { hashPassword } from '../auth/passwords';
import type { Database } from '../db/client';
import { appMeta, branches, groups, members, units } from '../db/schema';
import { readDemoBulletins, saveDemoBulletins } from './bulletins';
import { saveDemoCheckin } from './checkin';
import { saveDemoLetters } from './letters';
import { saveDemoAwards } from './awards';
import { DEMO_ACCOUNTS, DEMO_GROUPS, DEMO_UNITS, demoPerson } from './demoAssociation';
import { saveDemoPoints } from './points';
import { saveDemoAie } from './aie';
import { saveDemoRecords } from './records';
import { saveDemoVolunteering } from './volunteering';
import { loadDemoSubmissions } from './submissions';

const DEMO_MARK = 'demo_loaded_at';

export async function demoLoaded(db: Database): Promise<boolean> {
  const [mark] = await db.select().from(appMeta).where(eq(appMeta.key, DEMO_MARK));
  return Boolean(mark);
}

/** Removes every organisation row, the newsletters and the audit trail of them, for `seed:demo --reset`. */
export async function clearOrganisation(db: Database): Promise<void> {
  await db.execute(
    sql`truncate table audit_log, letter_follows, letter_replies, letters, article_reads, article_favourites, bulletin_subscriptions, bulletin_articles, bulletin_issues, members, branches, units, groups restart identity cascade`,
  );
  await db.delete(appMeta).where(eq(appMeta.key, DEMO_MARK));
}

/**
 * Loads the demo association and the sample newsletter issues in one transaction and marks it
 * loaded, so it happens once per database.
 */
export async function loadDemoAssociation(
  db: Database,
  now: Date,
): Promise<{ units: number; members: number; bulletins: number; activities: number }> {
  const bulletins = await readDemoBulletins();
  const passwordHashes = new Map<string, string>();
  for (const account of DEMO_ACCOUNTS) {
    if (account.password) passwordHashes.set(account.openid, await hashPassword(account.password));
  }
  return db.transaction(async (tx) => {
    const groupRows = await tx
      .insert(groups)
      .values(DEMO_GROUPS.map((name, index) => ({ name, sortOrder: index + 1 })))
      .returning({ id: groups.id });
    let memberCount = 0;
    let personNumber = 0;
    const unitIds: number[] = [];
    for (const demoUnit of DEMO_UNITS) {
      const [unit] = await tx
        .insert(units)
        .values({ name: demoUnit.name, kind: demoUnit.kind, groupId: groupRows[demoUnit.group]!.id, inviteCode: demoUnit.inviteCode })
        .returning({ id: units.id });
      unitIds.push(unit!.id);
      const branchRows = demoUnit.branches.length
        ? await tx
            .insert(branches)
            .values(demoUnit.branches.map((name) => ({ unitId: unit!.id, name })))
            .returning({ id: branches.id })
        : [];
      const people = [
        ...Array.from({ length: demoUnit.fixedMembers }, () => 'fixed' as const),
        ...Array.from({ length: demoUnit.mobileMembers }, () => 'mobile' as const),
      ].map((kind, index) => {
        const person = demoPerson((personNumber += 1));
        // Mobile members sit in the last branch (e.g. 流动党员党支部); fixed ones spread over the others.
        const branch =
          kind === 'mobile' ? branchRows.at(-1) : branchRows[index % Math.max(1, branchRows.length - (demoUnit.mobileMembers ? 1 : 0))];
        return {
          ...person,
          kind,
          unitId: unit!.id,
          branchId: branch?.id ?? null,
          roles: ['member' as const],
          createdAt: now,
          updatedAt: now,
        };
      });
      await tx.insert(members).values(people);
      memberCount += people.length;
    }
    for (const account of DEMO_ACCOUNTS) {
      await tx.insert(members).values({
        name: account.name,
        phone: account.phone,
        kind: account.kind,
        roles: account.roles,
        unitId: account.unit === null ? null : unitIds[account.unit]!,
        openid: account.openid,
        username: account.username ?? null,
        passwordHash: passwordHashes.get(account.openid) ?? null,
        createdAt: now,
        updatedAt: now,
      });
      memberCount += 1;
    }
    const bulletinCount = await saveDemoBulletins(tx, bulletins, now);
    await loadDemoSubmissions(tx, now);
    const checkin = await saveDemoCheckin(tx, unitIds, now);
    const demoUnitId = unitIds[DEMO_UNITS.findIndex((u) => u.name === '建华文创园党总支')]!;
    await saveDemoRecords(tx, demoUnitId, now);
    await saveDemoPoints(tx, demoUnitId, now);
    await saveDemoAie(tx, demoUnitId, now);
    await saveDemoVolunteering(tx, demoUnitId, now);
    await saveDemoLetters(tx, demoUnitId, now);
    await saveDemoAwards(tx, demoUnitId, now);
    await tx.insert(appMeta).values({ key: DEMO_MARK, value: now.toISOString() });
    return { units: unitIds.length, members: memberCount, bulletins: bulletinCount, activities: checkin.activities };
  });
}
