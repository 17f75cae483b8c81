import { loadConfig } from '@app/core';
import { demoQueuePrefix } from './demo-queue-prefix';

describe('demoQueuePrefix', () => {
  it('should give two data folders different prefixes when QUEUE_PREFIX is unset', () => {
    const first = demoQueuePrefix(undefined, '/home/ann/vliegwiel/data');
    const second = demoQueuePrefix(undefined, '/home/ann/vliegwiel-copy/data');

    expect(first).toMatch(/^vliegwiel-demo-[0-9a-f]{8}$/);
    expect(second).toMatch(/^vliegwiel-demo-[0-9a-f]{8}$/);
    expect(first).not.toBe(second);
  });

  it('should give the same prefix again when the demo restarts on the same folder', () => {
    expect(demoQueuePrefix(undefined, '/srv/demo/data')).toBe(demoQueuePrefix('  ', '/srv/demo/data'));
  });

  it('should keep the prefix the user set when QUEUE_PREFIX is given', () => {
    expect(demoQueuePrefix(' my-prefix ', '/srv/demo/data')).toBe('my-prefix');
  });

  it('should produce a prefix the configuration accepts when it is derived', () => {
    const prefix = demoQueuePrefix(undefined, '/tmp/a folder with spaces/data');

    expect(loadConfig({ QUEUE_PREFIX: prefix }).queuePrefix).toBe(prefix);
  });
});
