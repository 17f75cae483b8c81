import { neutraliseFormula, restoreFormula } from './employer-csv-format';

describe('employer CSV cells', () => {
  it('should prefix an apostrophe when a cell starts like a formula', () => {
    expect(neutraliseFormula('=HYPERLINK("x")')).toBe('\'=HYPERLINK("x")');
    expect(neutraliseFormula('+31201234567')).toBe("'+31201234567");
    expect(neutraliseFormula('-5')).toBe("'-5");
    expect(neutraliseFormula('@SUM(A1)')).toBe("'@SUM(A1)");
  });

  it('should leave ordinary cells alone', () => {
    expect(neutraliseFormula('Bakkerij de Vries')).toBe('Bakkerij de Vries');
    expect(neutraliseFormula("'t Hoekje")).toBe("'t Hoekje");
  });

  it('should restore exactly what neutraliseFormula changed', () => {
    for (const cell of ['=1+1', '+31612345678', "'t Hoekje", 'plain', "'=already"]) {
      expect(restoreFormula(neutraliseFormula(cell))).toBe(cell);
    }
  });
});
