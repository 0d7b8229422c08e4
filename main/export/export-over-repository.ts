/**
 * The export service over the session repository: the same query, days and order as the session log
 * (newest first), one partition in memory at a time.
 */
import type { SessionRepository } from '../sessions/session-repository';
import { createExportService, type ExportService, type ExportTargets } from './export-service';

export interface RepositoryExportOptions {
  /** Read when an export runs (lets a composition root wire it before the repository exists). */
  readonly repository: () => Pick<SessionRepository, 'iterate' | 'list'>;
  readonly targets: ExportTargets;
  readonly agentName: () => string;
  /** The agent id the sessions sync under (team-store.json), or null without a team store. */
  readonly agentId?: () => string | null;
  readonly appVersion: string;
  readonly now?: () => Date;
}

export function createRepositoryExportService(options: RepositoryExportOptions): ExportService {
  return createExportService({
    sessions: (filter, today) => options.repository().iterate(filter, today),
    count: async (filter, today) => options.repository().list({ ...filter, limit: 1 }, today).total,
    targets: options.targets,
    agentName: options.agentName,
    agentId: options.agentId,
    appVersion: options.appVersion,
    now: options.now,
  });
}
