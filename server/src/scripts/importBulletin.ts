/**
 * Imports newsletter (简报) files. For now only previews: `--dry-run` parses and prints, nothing is
 * written. Usage: `npm run import:bulletin -- --dry-run [--json] FILE...` (see `--help`).
 */
import { runImportBulletin } from '../bulletin/cli';

process.exitCode = await runImportBulletin(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
});
