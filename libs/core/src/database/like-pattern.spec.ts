import { likePattern } from './like-pattern';

describe('likePattern', () => {
  it('should escape wildcards and backslashes when the text holds them', () => {
    expect(likePattern('50%_a\\b')).toBe('%50\\%\\_a\\\\b%');
  });

  it('should wrap plain text in wildcards when nothing needs escaping', () => {
    expect(likePattern('bakker')).toBe('%bakker%');
  });
});
