import type { ArticleInput, DryRunDocument, ImportedIssue } from '@zhijian/shared';

/**
 * What the newsletter (简报) parser produces. Blocks, spans, the issue header and the dry-run
 * document are the contract's (`shared/src/contracts/bulletins.ts`), inferred from its schemas; the
 * parser's output is trusted data that the importer maps to the database.
 *
 * Heading levels of a block: 1 = `一、`, 2 = `（一）`, 3 = `1、` / `1.` / `（1）`; an unnumbered
 * sub-heading (a short stand-alone line or a whole-line bold run) is level 1. `bold` comes from
 * `**…**` markers in the converted Word text.
 */

/** An article as read from the file: title, section (e.g. `协会动态`, null for an ordinary article), blocks. */
export type BulletinArticle = ArticleInput;

/** The header: 年份, 期号, 总期, date, publisher and distribution. */
export type BulletinIssue = ImportedIssue;

/** The `--dry-run --json` document, one per file. */
export type BulletinDryRunDocument = DryRunDocument;

/** One line of 【本期导读】 as printed, split into section and title. */
export interface BulletinTocEntry {
  text: string;
  section: string | null;
  /** Null when the entry names only a section (`6、协会动态`). */
  title: string | null;
}

export interface ParsedBulletin {
  issue: BulletinIssue;
  toc: BulletinTocEntry[];
  articles: BulletinArticle[];
  /** Chinese, for the secretariat: what was missing, odd or ignored. */
  warnings: string[];
}

/** Header values given by hand; each one replaces the parsed value. */
export interface BulletinOverrides {
  year?: number;
  number?: number;
  totalNumber?: number;
  date?: string;
}
