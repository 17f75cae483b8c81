import { isHealthPath } from './health-path';

describe('isHealthPath', () => {
  it('should accept the probes when the path is /api/health or below it, in any case', () => {
    for (const path of ['/api/health', '/api/health/', '/api/health/live', '/API/Health/ready'])
      expect(isHealthPath(path)).toBe(true);
  });

  it('should refuse other paths when they only start alike', () => {
    for (const path of ['/api/healthy', '/api/health-check', '/health', '/api/employers', '/x/api/health'])
      expect(isHealthPath(path)).toBe(false);
  });
});
