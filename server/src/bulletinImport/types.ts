/**
 * What the newsletter (简报) parser produces. Plain types, no zod: the parser's output is
 * trusted data that the importer maps to the database.
 */

/** A run of text inside a block; `bold` comes from `**…**` markers in the converted Word text. */
export interface BulletinSpan {
  text: string;
  bold: boolean;
}

/**
 * One block of an article body, the stored form (never HTML).
 * Heading levels: 1 = `一、`, 2 = `（一）`, 3 = `1、` / `1.` / `（1）`; an unnumbered
 * sub-heading (a short stand-alone line or a whole-line bold run) is level 1.
 */
export type BulletinBlock =
  | { type: 'paragraph'; spans: BulletinSpan[] }
  | { type: 'heading'; level: 1 | 2 | 3; spans: BulletinSpan[] }
  | { type: 'listItem'; spans: BulletinSpan[] };

export interface BulletinArticle {
  title: string;
  /** E.g. `协会动态`; null for an ordinary article. */
  section: string | null;
  blocks: BulletinBlock[];
}

export interface BulletinDistribution {
  /** 报：… (reported to). */
  report: string[];
  /** 发：… (sent to). */
  send: string[];
}

export interface BulletinIssue {
  year: number | null;
  number: number | null;
  totalNumber: number | null;
  /** YYYY-MM-DD. */
  date: string | null;
  /** The body named on the `…编印` line. */
  publisher: string | null;
  distribution: BulletinDistribution;
}

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

/** The `--dry-run --json` document, one per file. */
export interface BulletinDryRunDocument {
  issue: BulletinIssue;
  articles: { title: string; section: string | null; paragraphs: string[] }[];
  warnings: string[];
}
