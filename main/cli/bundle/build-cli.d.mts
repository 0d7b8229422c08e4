/** Types of build-cli.mjs (plain JavaScript: it runs before anything is compiled). */
export const PROJECT_ROOT: string;
export function buildCli(root?: string, names?: readonly string[]): Promise<void>;
