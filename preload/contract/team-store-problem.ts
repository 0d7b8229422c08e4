/**
 * Why the team store could not be used, in no language: the page words it in the agent's language
 * (renderer/src/api/host-failure-text.ts); the host keeps its English line for the status, the CLI and
 * the log (main/team/store-connection.ts). `where` is the store as the config names it (host and
 * database, never the password), `user` the login, `detail` the driver's own words, quoted as they came.
 */
export type TeamStoreProblemKind =
  | 'refused'
  | 'hostNotFound'
  | 'unreachable'
  | 'closed'
  | 'loginRefused'
  | 'noDatabase'
  | 'statementTimeout'
  | 'noTables'
  | 'permission'
  | 'tooManyConnections'
  | 'noPassword'
  | 'noAnswer'
  | 'tls'
  | 'lost'
  | 'other';

export interface TeamStoreProblem {
  readonly problem: TeamStoreProblemKind;
  readonly where: string;
  readonly user: string;
  readonly detail: string;
}
