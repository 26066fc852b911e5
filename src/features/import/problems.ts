/**
 * The importer's problems are codes (src/importer): a dropped file it could
 * not import, a publish package it could not build. Worded here, in the
 * page's language, from src/i18n/import.ts.
 */
import type { Lang } from '../../i18n';
import { importText, type ImportMessage } from '../../i18n/import';
import type { PublishProblem } from '../../importer/protocol';
import type { ImportProblem } from '../../importer/workspace';

const IMPORT_PROBLEM: Readonly<Record<ImportProblem['problem'], ImportMessage>> = {
  'too-large': 'problemTooLarge',
  unsupported: 'problemUnsupported',
  'no-text': 'problemNoText',
  'empty-page': 'problemEmptyPage',
  encrypted: 'problemEncrypted',
  'not-docx': 'problemNotDocx',
  unreadable: 'problemUnreadable',
  'not-a-report': 'problemNotAReport',
  'no-worker': 'problemNoWorker',
};

const PUBLISH_PROBLEM: Readonly<Record<PublishProblem['problem'], ImportMessage>> = {
  'no-worker': 'publishNoWorker',
  'not-loaded': 'publishNotLoaded',
  'index-not-json': 'publishIndexNotJson',
  'no-corrections': 'publishNoCorrections',
};

export const importProblemText = (lang: Lang, p: ImportProblem): string =>
  importText(lang, IMPORT_PROBLEM[p.problem], { detail: p.detail });

export const publishProblemText = (lang: Lang, p: PublishProblem): string =>
  importText(lang, PUBLISH_PROBLEM[p.problem], 'path' in p ? p : {});
