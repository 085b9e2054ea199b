import { z } from 'zod';

/**
 * Validation messages in Chinese for every schema built from this package. The one module of
 * shared/ with a side effect (`package.json` says so): the H5 build drops every other module whose
 * exports a page does not use, so each page carries only the contracts it calls. The modules that
 * every parse goes through (`contract.ts`, `errors.ts`) import it.
 */
z.config(z.locales.zhCN());
