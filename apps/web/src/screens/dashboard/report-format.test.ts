import { describe, expect, it } from 'vitest';
import { barLength, csvFileName, formatDays, formatShare, shareStep, slug, targetText } from './report-format';

describe('report figures in Dutch', () => {
  it('should write shares as percentages with at most one decimal, and the given words for null', () => {
    expect(formatShare(0.4286)).toMatch(/^42,9\s?%$/);
    expect(formatShare(1)).toMatch(/^100\s?%$/);
    expect(formatShare(null, 'nog niet')).toBe('nog niet');
    expect(formatShare(null)).toBe('—');
  });

  it('should write days with a decimal comma and the right word', () => {
    expect(formatDays(12.5)).toBe('12,5 dagen');
    expect(formatDays(1)).toBe('1 dag');
    expect(formatDays(null)).toBe('—');
  });

  it('should say "geen doel" when there is no target or it is 0', () => {
    expect(targetText({ target: 48, actual: 12, share: 0.25 })).toMatch(/^12 \/ 48 \(25\s?%\)$/);
    expect(targetText({ target: null, actual: 3, share: null })).toBe('3 (geen doel)');
    expect(targetText({ target: 0, actual: 3, share: null })).toBe('3 (geen doel)');
  });

  it('should scale bars to the longest one and never past it', () => {
    expect(barLength(5, 20)).toBe(25);
    expect(barLength(0, 0)).toBe(0);
    expect(barLength(30, 20)).toBe(100);
  });

  it('should shade cohort cells in five steps and mark windows not yet passed apart', () => {
    expect([null, 0, 0.1, 0.5, 0.51, 0.9].map(shareStep)).toEqual(['none', 0, 1, 2, 3, 4]);
  });

  it('should make file names without accents, spaces or capitals', () => {
    expect(slug('Zaanstreek/Waterland – Noord')).toBe('zaanstreek-waterland-noord');
    expect(slug('Coördinatie Groot-Amsterdam')).toBe('coordinatie-groot-amsterdam');
    expect(csvFileName('trechter', 'Groot Amsterdam', '2026-01-01', 'tot', '2026-11-29')).toBe(
      'trechter-groot-amsterdam-2026-01-01-tot-2026-11-29.csv',
    );
    expect(csvFileName('doelen', '', '2026-Q1')).toBe('doelen-2026-q1.csv');
  });
});
