import type { CurrentUser } from '../auth/currentUser';
import type { Clock } from '../clock';
import type { Database, Transaction } from '../db/client';
import type { Logger } from '../logger';
import type { Notifier } from '../notify/notifier';
import type { FileStorage } from '../storage/fileStorage';

/** Who a command acts for: a signed-in person, or the system itself (CLI, seed, scheduled jobs). */
export type Actor = CurrentUser | null;

/** The services a command may use besides the database. */
export interface CommandServices {
  notifier: Notifier;
  storage: FileStorage;
  logger: Logger;
}

/**
 * Everything a command sees: the open transaction, the acting person, one `now` for the whole
 * command (so every row it writes carries the same time), and the services it may call.
 */
export interface CommandContext {
  readonly tx: Transaction;
  readonly actor: Actor;
  readonly now: Date;
  readonly services: CommandServices;
  /**
   * Work that must wait until the transaction has committed — a message that must not be sent
   * for a change that was rolled back. It runs before `runCommand` returns; a failure is logged.
   */
  afterCommit(task: () => Promise<unknown>): void;
}

/** Every write of the server: one function, `(ctx, props)`, its audit entry written inside. */
export type Command<Props, Result> = (ctx: CommandContext, props: Props) => Promise<Result>;

/** What running a command needs: the app's services, or a CLI's own. */
export interface CommandEnvironment extends CommandServices {
  db: Database;
  clock: Clock;
  /** Waits until what was committed is durable (`DatabaseHandle.flushed`); none: it already is. */
  flushed?: () => Promise<void>;
}

/** Runs `command` on `tx` (an open transaction, or the database itself), then its after-commit work. */
async function run<Props, Result>(
  env: CommandEnvironment,
  actor: Actor,
  command: Command<Props, Result>,
  props: Props,
  within: (work: (tx: Transaction) => Promise<Result>) => Promise<Result>,
): Promise<Result> {
  const pending: Array<() => Promise<unknown>> = [];
  const services: CommandServices = { notifier: env.notifier, storage: env.storage, logger: env.logger };
  const now = env.clock.now();
  const result = await within((tx) => command({ tx, actor, now, services, afterCommit: (task) => void pending.push(task) }, props));
  // Nothing is answered, and no message sent, before the change is on disk.
  await env.flushed?.();
  for (const task of pending) {
    try {
      await task();
    } catch (error) {
      env.logger.error({ err: error, command: command.name }, 'after-commit work failed');
    }
  }
  return result;
}

/** Runs a command in a transaction of its own as `actor`, then its after-commit work. */
export function runCommand<Props, Result>(
  env: CommandEnvironment,
  actor: Actor,
  command: Command<Props, Result>,
  props: Props,
): Promise<Result> {
  return run(env, actor, command, props, (work) => env.db.transaction(work));
}

/**
 * Runs a command whose one write is a single statement, atomic on its own, without a transaction
 * around it: `ctx.tx` is the database itself. For the check-in burst, where BEGIN and COMMIT would
 * triple the round trips of every scan. Such a command must need no rollback and no row lock.
 */
export function runStatement<Props, Result>(
  env: CommandEnvironment,
  actor: Actor,
  command: Command<Props, Result>,
  props: Props,
): Promise<Result> {
  return run(env, actor, command, props, (work) => work(env.db as unknown as Transaction));
}
