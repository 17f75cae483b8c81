import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { projectPath } from '@app/core';

/** Scenario 13: the audit script's verdicts, on saved `npm audit --json` answers (no network needed). */
describe('scripts/audit-report.mjs', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'vw-audit-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const runWith = (answer: object, args: string[] = []) => {
    const file = path.join(dir, `${Math.random().toString(36).slice(2)}.json`);
    writeFileSync(file, JSON.stringify(answer));
    const result = spawnSync(process.execPath, [projectPath('scripts/audit-report.mjs'), ...args], {
      env: { ...process.env, AUDIT_JSON_FILE: file, AUDIT_STRICT: '' },
      encoding: 'utf8',
    });
    return { status: result.status, out: result.stdout };
  };
  const metadata = (high: number, critical: number) => ({
    metadata: { vulnerabilities: { info: 0, low: 1, moderate: 0, high, critical, total: 1 + high + critical } },
  });
  const highFinding = {
    ...metadata(1, 0),
    vulnerabilities: {
      'some-lib': {
        name: 'some-lib',
        severity: 'high',
        range: '<1.2.3',
        via: [{ title: 'Prototype pollution', url: 'https://github.com/advisories/GHSA-x' }],
      },
    },
  };

  it('should pass and say so when no high or critical advisory is reported', () => {
    const { status, out } = runWith({ ...metadata(0, 0), vulnerabilities: {} });
    expect(status).toBe(0);
    expect(out).toContain('high 0, moderate 0, low 1');
  });

  it('should report but not fail when a high advisory appears without --strict', () => {
    const { status, out } = runWith(highFinding);
    expect(status).toBe(0);
    expect(out).toMatch(/high\s+some-lib <1\.2\.3 Prototype pollution/);
    expect(out).toContain('report only');
  });

  it('should fail when a high advisory appears with --strict', () => {
    expect(runWith(highFinding, ['--strict']).status).toBe(1);
  });

  it('should pass and say NOT RUN when the advisory service cannot be reached', () => {
    const { status, out } = runWith({
      message: '405 Method Not Allowed - POST https://registry.example/-/npm/v1/security/advisories/bulk',
      statusCode: 405,
    });
    expect(status).toBe(0);
    expect(out).toContain('NOT RUN');
    expect(out).toContain('405 Method Not Allowed');
  });

  it('should fail with exit code 2 when the advisory service cannot be reached under --strict', () => {
    const unreachable = { error: { code: 'ENOTFOUND', summary: 'getaddrinfo ENOTFOUND registry.example' } };
    const { status, out } = runWith(unreachable, ['--strict']);
    expect(status).toBe(2);
    expect(out).toContain('NOT RUN');
    expect(out).toContain('ENOTFOUND');
  });
});
