/**
 * The export dialog's filter (renderer/src/export/export-filter.ts): what the agent typed becomes the
 * filter the host counts and exports with — empty fields are no filter, the agent's name is trimmed —
 * and what it makes is a filter the host accepts.
 */
import { describe, expect, it } from 'vitest';
import { EMPTY_EXPORT_FIELDS, exportFilterOf } from '../../../renderer/src/export/export-filter';
import { exportFilterSchema } from '../../../preload/contract/session-export-schema';

describe("the export dialog's filter", () => {
  it('is no filter at all when nothing is filled in: every session is exported', () => {
    expect(exportFilterOf(EMPTY_EXPORT_FIELDS)).toEqual({});
  });

  it('carries each filled field, the agent without the spaces around it', () => {
    const filter = exportFilterOf({
      from: '2026-11-01',
      to: '2026-11-30',
      agent: '  Sam Okafor ',
      resolution: 'partly',
      escalation: 'handed-off',
      followUp: 'overdue',
    });
    expect(filter).toEqual({
      from: '2026-11-01',
      to: '2026-11-30',
      agent: 'Sam Okafor',
      resolution: 'partly',
      escalation: 'handed-off',
      followUp: 'overdue',
    });
    expect(exportFilterSchema.safeParse(filter).success).toBe(true);
  });

  it('leaves out an agent of spaces only, and cuts a pasted essay to what the host accepts', () => {
    expect(exportFilterOf({ ...EMPTY_EXPORT_FIELDS, agent: '   ' })).toEqual({});
    const long = exportFilterOf({ ...EMPTY_EXPORT_FIELDS, agent: 'x'.repeat(5000) });
    expect(long.agent).toHaveLength(200);
    expect(exportFilterSchema.safeParse(long).success).toBe(true);
  });
});
