/**
 * Why the team store could not be used, in no language: the page words it in the agent's language
 * (renderer/src/api/host-failure-text.ts); the host keeps its English line for the status, the CLI and
 * the log (main/team/store-connection.ts). `where` is the store as the config names it (host and
 * database, never the password), `user` the login, `detail` the driver's own words, quoted as they came.
 */
export const TEAM_STORE_PROBLEM_KINDS = [
  'refused',
  'hostNotFound',
  'unreachable',
  'closed',
  'loginRefused',
  'noDatabase',
  'statementTimeout',
  'noTables',
  'permission',
  'tooManyConnections',
  'noPassword',
  'noAnswer',
  'tls',
  'lost',
  'other',
] as const;
export type TeamStoreProblemKind = (typeof TEAM_STORE_PROBLEM_KINDS)[number];

export interface TeamStoreProblem {
  readonly problem: TeamStoreProblemKind;
  readonly where: string;
  readonly user: string;
  readonly detail: string;
}

/**
 * Why the store refused one session, in no language (the sync keeps it on this computer): its id belongs
 * to another agent of the team, or the store refused the row itself (a constraint, row-level security),
 * with the store's problem.
 */
export type SessionRefusal =
  | { readonly refusal: 'otherAgent'; readonly session: string; readonly team: string }
  | ({ readonly refusal: 'store' } & TeamStoreProblem);
