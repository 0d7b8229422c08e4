/** The export dialog's filter fields as typed, and the host's filter they make. */
import type { ExportFilter } from '../../../preload/contract/session-export-schema';

export interface ExportFilterFields {
  from: string;
  to: string;
  agent: string;
  resolution: string;
  escalation: string;
  followUp: string;
}
export const EMPTY_EXPORT_FIELDS: ExportFilterFields = {
  from: '',
  to: '',
  agent: '',
  resolution: '',
  escalation: '',
  followUp: '',
};

/** Form fields → the host's filter (empty fields left out). */
export function exportFilterOf(f: ExportFilterFields): ExportFilter {
  const filter: ExportFilter = {};
  if (f.from) filter.from = f.from;
  if (f.to) filter.to = f.to;
  if (f.agent.trim()) filter.agent = f.agent.trim().slice(0, 200);
  if (f.resolution) filter.resolution = f.resolution as ExportFilter['resolution'];
  if (f.escalation) filter.escalation = f.escalation as ExportFilter['escalation'];
  if (f.followUp) filter.followUp = f.followUp as ExportFilter['followUp'];
  return filter;
}
