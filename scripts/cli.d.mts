/** Types of scripts/cli.mjs (plain JavaScript, so that it starts without compiling). */
export declare const CLI_DIR: string;
export declare const CLI_ENTRY: string;
/** Bundles src/cli into dist-cli/ when any of its sources is newer; resolves to the entry's path. */
export declare function builtCli(): Promise<string>;
