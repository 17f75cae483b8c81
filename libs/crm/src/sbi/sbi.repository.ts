import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { SbiVersion } from '../validation/sbi';

export interface SbiSectionRow {
  version: SbiVersion;
  section: string;
  name: string;
  divisionFrom: number;
  divisionTo: number;
}

@Injectable()
export class SbiRepository {
  constructor(private readonly dataSource: DataSource) {}

  async all(): Promise<SbiSectionRow[]> {
    return this.dataSource.query(
      `SELECT version::int AS version, section, name, division_from::int AS "divisionFrom", division_to::int AS "divisionTo"
       FROM sbi_sections ORDER BY version, section`,
    );
  }
}
