import { useCallback, useRef, useState } from 'react';
import type { z } from 'zod';
import { confirm, toast, toastDone, type Question } from '../services/feedback';
import { checked, FieldProblems, messageOf, problemsOf, type Problems } from '../services/errors';
import { isOffline, isUnreachable } from '../services/network';

export interface ActionOptions<A extends unknown[], R> {
  /** Said when it worked: a fixed message, or one built from the answer (empty says nothing). */
  success?: string | ((result: R, ...args: A) => string);
  /** Asked first; the action runs only when confirmed. A function may ask only sometimes (null: go ahead). */
  confirm?: Question | ((...args: A) => Question | null);
  /**
   * Where a refusal is said: in a toast (the default), or only in `error`, which the page shows
   * next to the form (`FormError`).
   */
  inline?: boolean;
  /**
   * The form's own check, before the question and before anything is sent: throws `FieldProblems`
   * (e.g. from `checked(schema, value)`) when something is missing.
   */
  validate?: (...args: A) => void;
}

export interface Action<A extends unknown[], R> {
  /** Runs the action (unless one is running): its answer, or undefined when declined, refused or failed. */
  run: (...args: A) => Promise<R | undefined>;
  busy: boolean;
  /** The arguments of the run in flight: which of several buttons is busy. */
  running: A | null;
  /** The last refusal, in the server's (or our) words; cleared by the next run. */
  error: string | null;
  /** What is wrong with each field: the form's own check or the server's `invalid_fields` refusal. */
  problems: Problems;
  /** Forgets the last error and every field's problem; with a field's name, only that field's (it was edited). */
  reset: (field?: string) => void;
}

/**
 * Every button that changes something: busy while it runs (a second tap meanwhile does nothing),
 * an optional question first, the refusal in Chinese (a toast, or inline for forms), field problems
 * from an `invalid_fields` refusal, and a toast when done.
 *
 * With `check`, the first argument is checked against the endpoint's schema before anything is sent
 * and the action gets the parsed value; a value that does not pass only sets `problems` (as does a
 * `validate` that throws `FieldProblems`).
 */
export function useAction<S extends z.ZodType, R>(
  work: (input: z.output<S>) => Promise<R>,
  options: ActionOptions<[z.input<S>], R> & { check: S },
): Action<[z.input<S>], R>;
export function useAction<A extends unknown[], R>(work: (...args: A) => Promise<R>, options?: ActionOptions<A, R>): Action<A, R>;
export function useAction(
  work: (...args: unknown[]) => Promise<unknown>,
  options: ActionOptions<unknown[], unknown> & { check?: z.ZodType } = {},
): Action<unknown[], unknown> {
  const [running, setRunning] = useState<unknown[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [problems, setProblems] = useState<Problems>({});
  const inFlight = useRef(false);
  const latest = useRef({ work, options });
  latest.current = { work, options };

  const run = useCallback(async (...args: unknown[]) => {
    if (inFlight.current) return undefined;
    const { work: act, options: opts } = latest.current;
    inFlight.current = true;
    try {
      // Checked first and synchronously: the fields say what is missing as soon as the tap is handled.
      setError(null);
      setProblems({});
      opts.validate?.(...args);
      const input = opts.check ? [checked(opts.check, args[0]), ...args.slice(1)] : args;
      const question = typeof opts.confirm === 'function' ? opts.confirm(...args) : opts.confirm;
      if (question && !(await confirm(question))) return undefined;
      setRunning(args);
      const result = await act(...input);
      const message = typeof opts.success === 'function' ? opts.success(result, ...args) : opts.success;
      if (message) toastDone(message);
      return result;
    } catch (failure) {
      setProblems(problemsOf(failure));
      // A form that did not pass its own check says so beside its fields, not as a refusal.
      const message = failure instanceof FieldProblems ? failure.message : messageOf(failure);
      if (!(failure instanceof FieldProblems)) setError(message);
      // Offline, the network banner already says why: no toast per failed tap.
      const bannerSaysIt = isUnreachable(failure) && isOffline();
      if (message && !opts.inline && !bannerSaysIt) toast(message);
      return undefined;
    } finally {
      inFlight.current = false;
      setRunning(null);
    }
  }, []);

  const reset = useCallback((field?: string) => {
    if (field === undefined) {
      setError(null);
      setProblems({});
    } else {
      setProblems((current) => {
        if (!(field in current)) return current;
        const { [field]: _edited, ...rest } = current;
        return rest;
      });
    }
  }, []);

  return { run, busy: running !== null, running, error, problems, reset };
}
