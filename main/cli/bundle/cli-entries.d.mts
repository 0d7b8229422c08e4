/** Types of cli-entries.mjs. */
export const CLI_ENTRIES: readonly { name: string; entry: string }[];
export const CLI_OUT_DIR: string;
