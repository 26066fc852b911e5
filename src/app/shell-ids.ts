/**
 * The page shells that index.html carries, rendered at build time from the
 * app's components (shell.tsx, shell-plugin.ts): the loading page, shown at
 * once, and the overview around an empty first chart, which the page drawn
 * before React fills. Each in both languages; the ones not on screen wait in
 * `<template>` elements under these ids. No React here: the entry reads them.
 */
import type { Lang } from '../i18n';

export type ShellKind = 'loading' | 'overview';

/** The shell painted before any script runs: the loading page in Chinese. */
export const PAINTED_SHELL: { readonly kind: ShellKind; readonly lang: Lang } = {
  kind: 'loading',
  lang: 'zh',
};

export const shellTemplateId = (kind: ShellKind, lang: Lang): string => `shell-${kind}-${lang}`;
