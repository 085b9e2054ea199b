import { eq } from 'drizzle-orm';
import { loadCurrentUser, type CurrentUser } from '../auth/currentUser';
import { runCommand, type Command } from '../commands/context';
import type { Database, Transaction } from '../db/client';
import { members } from '../db/schema';
import { createLogger } from '../logger';
import { loggingNotifier } from '../notify/notifier';
import { memoryStorage } from '../storage/memoryStorage';

/**
 * Runs commands for the demo inside the seeding transaction, each at its own time `at`, as if it
 * had happened then: the demo's rows get their timelines and audit entries like any others.
 */
export function demoCommandRunner(tx: Transaction) {
  const logger = createLogger('silent');
  return <P, R>(at: Date, actor: CurrentUser | null, command: Command<P, R>, props: P): Promise<R> =>
    runCommand(
      { db: tx as unknown as Database, clock: { now: () => at }, notifier: loggingNotifier(logger), storage: memoryStorage(), logger },
      actor,
      command,
      props,
    );
}

/** A demo account by its development openid (`dev:<openid>` signs in as it). */
export async function demoUser(tx: Transaction, openid: string): Promise<CurrentUser> {
  const [row] = await tx.select({ id: members.id }).from(members).where(eq(members.openid, openid));
  return (await loadCurrentUser(tx, row!.id))!;
}
