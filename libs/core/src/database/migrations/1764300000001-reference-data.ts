import { readFileSync } from 'node:fs';
import { MigrationInterface, QueryRunner } from 'typeorm';
import { parse } from 'csv-parse/sync';
import { projectPath } from '../project-path';

function readCsv(name: string): Record<string, string>[] {
  return parse(readFileSync(projectPath(`libs/core/reference-data/${name}`)), { columns: true, bom: true, trim: true });
}

/** Loads the 35 arbeidsmarktregio's and the SBI sections (2008 and 2025) from the files the project carries. */
export class ReferenceData1764300000001 implements MigrationInterface {
  name = 'ReferenceData1764300000001';

  async up(db: QueryRunner): Promise<void> {
    for (const row of readCsv('arbeidsmarktregios.csv')) {
      const municipalities = row.example_municipalities
        ? row.example_municipalities.split(';').map((m) => m.trim())
        : [];
      await db.query(
        `INSERT INTO regions (code, name, municipalities) VALUES ($1, $2, $3)
         ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, municipalities = EXCLUDED.municipalities`,
        [row.code, row.name, municipalities],
      );
    }
    for (const row of readCsv('sbi-sections.csv')) {
      await db.query(
        `INSERT INTO sbi_sections (version, section, name, division_from, division_to) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (version, section) DO UPDATE SET name = EXCLUDED.name,
           division_from = EXCLUDED.division_from, division_to = EXCLUDED.division_to`,
        [Number(row.version), row.section, row.name, Number(row.division_from), Number(row.division_to)],
      );
    }
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DELETE FROM sbi_sections`);
    await db.query(
      `DELETE FROM regions WHERE NOT EXISTS (SELECT 1 FROM organisations o WHERE o.region_id = regions.id)`,
    );
  }
}
