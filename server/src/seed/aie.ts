import { formatDate, shanghaiDate, shanghaiYearRange } from '@zhijian/shared';
import { and, asc, eq, isNull, notInArray } from 'drizzle-orm';
import { loadCurrentUser, type CurrentUser } from '../auth/currentUser';
import { claimWish } from '../commands/claimWish';
import { createWish } from '../commands/createWish';
import { decideCommitment } from '../commands/decideCommitment';
import { makeCommitment } from '../commands/makeCommitment';
import { markWishContacted } from '../commands/markWishContacted';
import { reportCommitment } from '../commands/reportCommitment';
import { revokeWishClaim } from '../commands/revokeWishClaim';
import { saveProfile } from '../commands/saveProfile';
import type { Transaction } from '../db/client';
import { members } from '../db/schema';
import { demoCommandRunner, demoUser } from './demoCommands';

const DAY = 24 * 3600_000;
const PASS = { verdict: 'pass' } as const;

/**
 * 爱E客栈 for 建华文创园, written through the commands at times before `now`: wishes to claim (one
 * back in the pool after a revoked claim, so it lists first), one being worked on, one a member
 * asked for waiting for review, one association-wide from the secretariat; profiles with skills
 * and promises (some opened to the association); 李青's commitments, one confirmed kept.
 */
export async function saveDemoAie(tx: Transaction, unitId: number, now: Date): Promise<void> {
  const run = demoCommandRunner(tx);
  const user = (openid: string) => demoUser(tx, openid);
  const member = await user('demo-member');
  const unitAdmin = await user('demo-unit-admin');
  const secretary = await user('demo-secretary');
  const rosterIds = await tx
    .select({ id: members.id })
    .from(members)
    .where(and(eq(members.unitId, unitId), isNull(members.openid), notInArray(members.id, [member.id, unitAdmin.id])))
    .orderBy(asc(members.id))
    .limit(12);
  // The first two are the records' people; 爱E客栈 takes the next ones.
  const people = await Promise.all(rosterIds.slice(2, 9).map((row) => loadCurrentUser(tx, row.id).then((u) => u!)));
  const [wisherA, wisherB, wisherC, helper, asker, skilled1, skilled2] = people as [
    CurrentUser,
    CurrentUser,
    CurrentUser,
    CurrentUser,
    CurrentUser,
    CurrentUser,
    CurrentUser,
  ];

  const year = shanghaiDate(now).year;
  const yearStart = shanghaiYearRange(year).start;
  const ago = (days: number) => new Date(Math.min(now.getTime(), Math.max(yearStart.getTime() + 3600_000, now.getTime() - days * DAY)));
  const yearEnd = `${year}-12-31`;
  const dueIn = (days: number) => {
    const day = formatDate(shanghaiDate(new Date(now.getTime() + days * DAY)));
    return day > yearEnd ? yearEnd : day;
  };
  const wish = (wisher: CurrentUser, title: string, reason: string, estimatedValue: number) => ({
    input: { title, reason, estimatedValue, deadline: dueIn(40) },
    wisher: { id: wisher.id, unitId },
    scope: 'unit' as const,
    asked: false,
    verdict: PASS,
  });

  await run(
    ago(12),
    unitAdmin,
    createWish,
    wish(wisherA, '一台助听器', '退休老党员听力下降，参加组织生活时听不清发言，希望有一台助听器', 300),
  );
  await run(ago(9), unitAdmin, createWish, wish(wisherB, '孩子的课外书', '单亲家庭，孩子上小学四年级，喜欢读书，希望有一套课外读物', 150));
  // Claimed, then revoked (contact failed): back in the pool, listed first.
  const returned = await run(
    ago(10),
    unitAdmin,
    createWish,
    wish(wisherC, '冬天的一床棉被', '租住的房子冬天很冷，希望有一床厚实的棉被', 200),
  );
  await run(ago(8), helper, claimWish, { wishId: returned.id, member: helper });
  await run(ago(2), unitAdmin, revokeWishClaim, { wishId: returned.id, reason: '认领人临时出差，改由他人认领' });
  // Being worked on.
  const working = await run(ago(6), unitAdmin, createWish, wish(wisherA, '陪同到医院复查', '行动不便，每月一次的复查需要有人陪同', 0));
  await run(ago(5), helper, claimWish, { wishId: working.id, member: helper });
  await run(ago(4), helper, markWishContacted, { wishId: working.id, memberId: helper.id });
  // A member's own request, waiting for the unit admin.
  await run(ago(1), asker, createWish, {
    input: { title: '一辆二手自行车', reason: '每天上下班步行四十分钟，希望有一辆自行车代步', estimatedValue: 200, deadline: dueIn(30) },
    wisher: { id: asker.id, unitId },
    scope: 'unit',
    asked: true,
    verdict: PASS,
  });
  // Association-wide, from the secretariat: any member may claim it.
  await run(ago(7), secretary, createWish, {
    ...wish(wisherB, '一次家电义务检修', '家中洗衣机和热水器老化，希望懂电器的党员上门检修', 0),
    scope: 'association',
  });

  // 亮身份.
  await run(ago(30), member, saveProfile, {
    memberId: member.id,
    input: { skills: ['文案写作', '摄影'], promises: '为园区企业义务拍摄党建活动照片', public: true },
    verdict: PASS,
  });
  await run(ago(29), unitAdmin, saveProfile, {
    memberId: unitAdmin.id,
    input: { skills: ['党务', '法律咨询'], promises: '每周三下午接待党员群众来访', public: true },
    verdict: PASS,
  });
  await run(ago(28), skilled1, saveProfile, {
    memberId: skilled1.id,
    input: { skills: ['电工'], promises: '每月为独居老人义务检修电器一次', public: false },
    verdict: PASS,
  });
  await run(ago(27), skilled2, saveProfile, {
    memberId: skilled2.id,
    input: { skills: ['财务', '心理疏导'], promises: '为新员工讲解个税和社保', public: false },
    verdict: PASS,
  });

  // A commitment reported and waiting for the unit admin's confirmation.
  const reported = await run(ago(15), skilled1, makeCommitment, {
    member: { id: skilled1.id, unitId },
    input: { title: '义务检修电器', content: '为园区独居老人上门检修电器，全年不少于六户', dueOn: dueIn(60) },
    verdict: PASS,
  });
  await run(ago(3), skilled1, reportCommitment, {
    commitmentId: reported.id,
    memberId: skilled1.id,
    note: '已为七户独居老人检修电器，附照片',
    verdict: PASS,
  });

  // 明承诺: one kept (reported, confirmed), one in progress.
  const made = ago(25);
  const kept = await run(made, member, makeCommitment, {
    member: { id: member.id, unitId },
    input: {
      title: '带好一名新员工',
      content: '结对帮带新入职的党员，帮助其三个月内熟悉岗位',
      dueOn:
        formatDate(shanghaiDate(ago(10))) < formatDate(shanghaiDate(made))
          ? formatDate(shanghaiDate(made))
          : formatDate(shanghaiDate(ago(10))),
    },
    verdict: PASS,
  });
  await run(ago(12), member, reportCommitment, {
    commitmentId: kept.id,
    memberId: member.id,
    note: '新员工已能独立完成岗位工作，结对记录已交支部',
    verdict: PASS,
  });
  await run(ago(11), unitAdmin, decideCommitment, { commitmentId: kept.id, decision: { kept: true, note: '经支部核实' } });
  await run(ago(20), member, makeCommitment, {
    member: { id: member.id, unitId },
    input: { title: '每季度一次志愿服务', content: '参加园区“邻里守望”志愿服务，每季度至少一次', dueOn: yearEnd },
    verdict: PASS,
  });
}
