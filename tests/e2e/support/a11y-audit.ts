/**
 * The accessibility audit used by the specs: axe-core (through @axe-core/playwright) with the WCAG 2.2 A
 * and AA rules, run on whatever the page shows now. Each audit is logged as one line
 * (`axe <state>: N violations …`) and appended to .tmp/a11y/axe-audits.jsonl, so a run's figures per
 * screen can be read back afterwards.
 */
import { appendFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import { REPO_ROOT } from './paths.js';

/** WCAG 2.0, 2.1 and 2.2 at levels A and AA (2.2 adds only AA rules to axe: target-size). */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

const REPORT = path.join(REPO_ROOT, '.tmp/a11y/axe-audits.jsonl');

export interface AuditFinding {
  rule: string;
  impact: string | null;
  targets: string[];
  summary: string;
}

/** Runs axe on the page as it is and returns its violations, one entry per rule. */
export async function auditPage(page: Page, state: string): Promise<AuditFinding[]> {
  const started = Date.now();
  // Legacy mode runs axe.run() in the page itself: the fixture's page owns its browser context, where
  // the default mode would need to open a second page; the app has no frames for the new mode to stitch.
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).setLegacyMode().analyze();
  const findings = results.violations.map((v) => ({
    rule: v.id,
    impact: v.impact ?? null,
    targets: v.nodes.map((n) => n.target.join(' ')),
    summary: v.nodes[0]?.failureSummary?.split('\n').slice(0, 2).join(' ') ?? v.help,
  }));
  const nodes = findings.reduce((n, f) => n + f.targets.length, 0);
  console.log(
    `axe ${state}: ${findings.length} violations (${nodes} elements) in ${Date.now() - started} ms` +
      findings
        .map((f) => `\n  ${f.rule} ×${f.targets.length}: ${f.targets.slice(0, 3).join(', ')}`)
        .join(''),
  );
  mkdirSync(path.dirname(REPORT), { recursive: true });
  appendFileSync(
    REPORT,
    `${JSON.stringify({ at: new Date().toISOString(), state, violations: findings.length, nodes, findings })}\n`,
  );
  return findings;
}

/** Audits the page and records a soft failure naming each violated rule and where (the spec goes on). */
export async function expectAccessible(page: Page, state: string): Promise<void> {
  const findings = await auditPage(page, state);
  expect
    .soft(
      findings.map((f) => `${f.rule}: ${f.targets.join(', ')} — ${f.summary}`),
      `axe violations in "${state}"`,
    )
    .toEqual([]);
}
