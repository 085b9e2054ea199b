/**
 * Imports newsletter (简报) files into the configured database, one transaction per file; with
 * `--dry-run` only parses and prints. Usage: `npm run import:bulletin -- [--dry-run] [--json] FILE...`
 * (see `--help`).
 */
import { openMigratedDatabase } from '../bootstrap';
import { runImportBulletin } from '../bulletinImport/cli';
import { loadConfig } from '../config';

process.exitCode = await runImportBulletin(
  process.argv.slice(2),
  {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
  },
  { open: () => openMigratedDatabase(loadConfig()) },
);
