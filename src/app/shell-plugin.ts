/**
 * A Vite plugin (dev and build) that writes the page shells into index.html:
 * the title, the tag of boot.js with the data files it requests, the loading
 * page inside #root (painted before any script runs),
 * the other shells in `<template>` elements, and the text for browsers
 * without JavaScript — all rendered from the app's components and strings
 * (shell.tsx), so index.html holds no UI text of its own.
 *
 * Runs in Node, at build time only; imports nothing of the app itself (the
 * config would bundle it), it loads shell.tsx through Vite's module runner.
 */
import { fileURLToPath } from 'node:url';
import { runnerImport, type Plugin } from 'vite';
import type { Shells } from './shell';

/** Replaces the one `<!--name-->` marker in the page; a missing marker is a mistake in index.html. */
function put(html: string, name: string, markup: string): string {
  const marker = `<!--${name}-->`;
  if (html.split(marker).length !== 2) throw new Error(`index.html needs one ${marker}`);
  return html.replace(marker, () => markup);
}

export function pageShell(): Plugin {
  return {
    name: 'page-shell',
    transformIndexHtml: {
      order: 'pre',
      async handler(html) {
        const { module } = await runnerImport<{ renderShells: () => Shells }>(
          fileURLToPath(new URL('./shell.tsx', import.meta.url)),
          { configFile: false, logLevel: 'silent', server: { hmr: false } },
        );
        const shells = module.renderShells();
        const templates = shells.templates.map(
          (s) => `<template id="${s.id}">${s.markup}</template>`,
        );
        let page = put(html, 'shell-title', shells.title);
        page = put(page, 'shell-boot', shells.boot);
        page = put(page, 'shell', shells.painted);
        page = put(page, 'shell-templates', templates.join('\n    '));
        return put(page, 'shell-noscript', shells.noscript);
      },
    },
  };
}
