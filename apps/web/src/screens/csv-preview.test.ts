import { describe, expect, it } from 'vitest';
import { previewCsv } from './csv-preview';

describe('previewCsv', () => {
  it('should take the separator from the header and read quoted cells when the file uses semicolons', () => {
    const preview = previewCsv('\uFEFFname;kvkNumber;tags\r\n"Bakkerij ""De Zon""";12345678;"brood;banket"\r\n');
    expect(preview).toEqual({
      separator: ';',
      header: ['name', 'kvkNumber', 'tags'],
      rows: [['Bakkerij "De Zon"', '12345678', 'brood;banket']],
    });
  });

  it('should stop after the requested rows when the file is long', () => {
    const text = ['a,b', ...Array.from({ length: 100 }, (_, i) => `${i},x`)].join('\n');
    expect(previewCsv(text, 3).rows).toEqual([
      ['0', 'x'],
      ['1', 'x'],
      ['2', 'x'],
    ]);
  });
});
