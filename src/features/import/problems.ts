/**
 * The importer's problems are codes (src/importer): a dropped file it could
 * not import (a report note, worded by extract/report-notes.ts as the CLI's
 * reports.csv words it), a publish package it could not build (worded from
 * src/i18n/import.ts). Worded here, in the page's language.
 */
import { noteText } from '../../extract/report-notes';
import type { Lang } from '../../i18n';
import { importText, type ImportMessage } from '../../i18n/import';
import type { PublishProblem } from '../../importer/protocol';
import type { ImportProblem } from '../../importer/workspace';

const PUBLISH_PROBLEM: Readonly<Record<PublishProblem['problem'], ImportMessage>> = {
  'no-worker': 'publishNoWorker',
  'not-loaded': 'publishNotLoaded',
  'index-not-json': 'publishIndexNotJson',
  'no-corrections': 'publishNoCorrections',
  'old-format': 'publishOldFormat',
};

/** Why a file was not imported, worded as reports.csv words the same problem in the CLI's run. */
export const importProblemText = (lang: Lang, p: ImportProblem): string =>
  'note' in p ? noteText(lang, p.note) : importText(lang, 'problemNoWorker');

export const publishProblemText = (lang: Lang, p: PublishProblem): string =>
  importText(lang, PUBLISH_PROBLEM[p.problem], 'path' in p ? p : {});
