import { and, asc, desc, eq, isNull } from 'drizzle-orm';
import { loadCurrentUser } from '../auth/currentUser';
import { acceptLetter } from '../commands/acceptLetter';
import { markOverdueLetters } from '../commands/markOverdueLetters';
import { rateLetter } from '../commands/rateLetter';
import { replyLetter } from '../commands/replyLetter';
import { setLetterBoard } from '../commands/setLetterBoard';
import { writeLetter } from '../commands/writeLetter';
import type { Transaction } from '../db/client';
import { members } from '../db/schema';
import { demoCommandRunner } from './demoCommands';

const DAY = 24 * 3600_000;

/** The demo unit's party secretary signs in with `dev:demo-party-secretary`. */
export const DEMO_SECRETARY_OPENID = 'demo-party-secretary';
const PASS = { verdict: 'pass' } as const;

/**
 * 书记直通车 in the demo unit, written through the commands at times before `now`: 李青's
 * anonymous suggestion, replied and rated 满意, on the 党群聊吧 board; a roster member's problem
 * report left waiting past its deadline (flagged overdue); one just written; and 李青's letter to
 * the secretariat.
 */
export async function saveDemoLetters(tx: Transaction, unitId: number, now: Date): Promise<void> {
  const run = demoCommandRunner(tx);
  const user = async (id: number) => (await loadCurrentUser(tx, id))!;
  const byOpenid = async (openid: string) => {
    const [row] = await tx.select({ id: members.id }).from(members).where(eq(members.openid, openid));
    return user(row!.id);
  };
  const member = await byOpenid('demo-member');
  // The unit's party secretary is one of its roster members (the last fixed one), bound to the
  // demo account `demo-party-secretary` so `dev:demo-party-secretary` signs in as them.
  const [chosen] = await tx
    .select({ id: members.id })
    .from(members)
    .where(and(eq(members.unitId, unitId), eq(members.kind, 'fixed'), isNull(members.openid)))
    .orderBy(desc(members.id))
    .limit(1);
  await tx
    .update(members)
    .set({ roles: ['member', 'party_secretary'], openid: DEMO_SECRETARY_OPENID })
    .where(eq(members.id, chosen!.id));
  const secretary = await user(chosen!.id);
  const others = await tx
    .select({ id: members.id })
    .from(members)
    .where(and(eq(members.unitId, unitId), isNull(members.openid)))
    .orderBy(asc(members.id))
    .limit(2);
  const [colleague, newcomer] = await Promise.all(others.map((row) => user(row.id)));
  const ago = (days: number) => new Date(now.getTime() - days * DAY);

  const suggestion = await run(ago(20), member, writeLetter, {
    writer: member,
    input: {
      recipient: 'secretary',
      kind: 'suggestion',
      body: '建议园区党群服务中心周六上午也开放，方便平时上班的党员来学习、交党费。',
      anonymous: true,
      photoIds: [],
    },
    verdict: PASS,
  });
  await run(ago(19), secretary, acceptLetter, { letterId: suggestion.id });
  await run(ago(15), secretary, replyLetter, {
    letterId: suggestion.id,
    body: '感谢您的建议。经与园区物业商定，自下月起党群服务中心每周六 9:00–12:00 开放，由各支部轮流值班。',
    verdict: PASS,
  });
  await run(ago(14), member, rateLetter, { letterId: suggestion.id, rating: 'satisfied' });
  await run(ago(14), member, setLetterBoard, { letterId: suggestion.id, onBoard: true, showName: false });

  if (colleague) {
    await run(ago(16), colleague, writeLetter, {
      writer: colleague,
      input: {
        recipient: 'secretary',
        kind: 'problem',
        body: '三号楼东侧的党建宣传栏内容还是去年的，希望及时更新。',
        anonymous: false,
        photoIds: [],
      },
      verdict: PASS,
    });
  }
  if (newcomer) {
    await run(ago(0.1), newcomer, writeLetter, {
      writer: newcomer,
      input: {
        recipient: 'secretary',
        kind: 'help',
        body: '刚转入组织关系，不清楚在哪里参加固定活动日，请书记指点。',
        anonymous: false,
        photoIds: [],
      },
      verdict: PASS,
    });
  }
  await run(ago(2), member, writeLetter, {
    writer: member,
    input: {
      recipient: 'secretariat',
      kind: 'praise',
      body: '协会上月组织的案例评审培训很实用，希望以后多办。',
      anonymous: false,
      photoIds: [],
    },
    verdict: PASS,
  });
  await run(now, null, markOverdueLetters, {});
}
