/** Types of scripts/cli.mjs (plain JavaScript, so that it starts without compiling). */
export declare const CLI_DIR: string;
export declare const CLI_ENTRY: string;
export declare const BUILD_RECORD: string;
/** The fingerprint of these files' contents (paths relative to the project). */
export declare function fingerprint(paths: readonly string[]): string;
/** Bundles src/cli into dist-cli/ when what it is made from has changed; resolves to the entry's path. */
export declare function builtCli(): Promise<string>;
