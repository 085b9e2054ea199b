import { useState } from 'react';
import type { z } from 'zod';
import { checkInput, messageOf } from '../services/errors';

export interface CheckedSubmit<S extends z.ZodType, R> {
  /** Checks the form, sends it when it passes; the answer, or undefined when it did not pass or the server refused. */
  submit: (value: z.input<S>) => Promise<R | undefined>;
  busy: boolean;
  /** What is wrong with each field, in the contract's words. */
  problems: Record<string, string>;
  /** The server's refusal, in its words. */
  error: string | undefined;
}

/** A form's submit: checked against the endpoint's schema first, nothing sent until it passes. */
export function useCheckedSubmit<S extends z.ZodType, R>(schema: S, send: (data: z.output<S>) => Promise<R>): CheckedSubmit<S, R> {
  const [busy, setBusy] = useState(false);
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | undefined>();

  async function submit(value: z.input<S>): Promise<R | undefined> {
    const checked = checkInput(schema, value);
    setProblems(checked.ok ? {} : checked.problems);
    setError(undefined);
    if (!checked.ok) return undefined;
    setBusy(true);
    try {
      return await send(checked.data);
    } catch (failure) {
      setError(messageOf(failure));
      return undefined;
    } finally {
      setBusy(false);
    }
  }

  return { submit, busy, problems, error };
}
