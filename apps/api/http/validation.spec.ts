import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { IsOptional, IsString } from 'class-validator';
import { DomainError } from '@app/core';
import { validationPipe } from './validation';

class ExampleDto {
  @ApiProperty()
  @IsString()
  name!: string;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @IsString()
  city?: string | null;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  role?: string;
}

// The shape of the update DTOs: the nullable flag must survive both mapped types.
class UpdateExampleDto extends PartialType(OmitType(ExampleDto, ['name'] as const)) {}

const body = { type: 'body' as const, metatype: ExampleDto, data: '' };
const query = { type: 'query' as const, metatype: Object, data: '' };

async function problems(value: unknown, metadata: typeof body | typeof query = body) {
  try {
    await validationPipe().transform(value, metadata);
    return [];
  } catch (error) {
    return (error as DomainError).details;
  }
}

describe('validationPipe', () => {
  it('should accept null for a field the document marks nullable', async () => {
    expect(await problems({ name: 'Bakkerij', city: null })).toEqual([]);
  });

  it('should refuse null for an optional field the document does not mark nullable', async () => {
    expect(await problems({ name: 'Bakkerij', role: null })).toEqual([{ field: 'role', problem: 'may not be null' }]);
  });

  it('should read the nullable flag through PartialType(OmitType(…)) when an update DTO is built from another', async () => {
    const update = { type: 'body' as const, metatype: UpdateExampleDto, data: '' };
    expect(await problems({ city: null }, update as unknown as typeof body)).toEqual([]);
    expect(await problems({ role: null }, update as unknown as typeof body)).toEqual([
      { field: 'role', problem: 'may not be null' },
    ]);
  });

  it('should refuse a body with a 400 when it nests deeper than the checks go, NUL hidden at the bottom', async () => {
    let deep: unknown = 'x\u0000';
    for (let i = 0; i < 40; i++) deep = i % 2 === 0 ? [deep] : { inner: deep };
    expect(await problems({ name: 'Bakkerij', role: deep })).toEqual([
      {
        field: expect.stringMatching(/^role(\.(0|inner))+$/) as string,
        problem: 'is nested too deeply (more than 32 levels)',
      },
    ]);
  });

  it('should refuse a NUL character inside array items when a list field holds one', async () => {
    expect(await problems({ name: 'Bakkerij', role: ['ok', 'b\u0000d'] })).toEqual([
      { field: 'role.1', problem: 'may not contain a NUL character' },
    ]);
  });

  it('should refuse a NUL character in a body or query string, naming the field', async () => {
    expect(await problems({ name: 'Bak\u0000kerij' })).toEqual([
      { field: 'name', problem: 'may not contain a NUL character' },
    ]);
    expect(await problems({ q: 'x\u0000' }, query)).toEqual([
      { field: 'q', problem: 'may not contain a NUL character' },
    ]);
  });

  it('should refuse valueOf and toString keys when the whitelist would skip them as inherited', async () => {
    expect(await problems({ name: 'Bakkerij', valueOf: 1, toString: 'x' })).toEqual([
      { field: 'valueOf', problem: 'is not a known field' },
      { field: 'toString', problem: 'is not a known field' },
    ]);
  });

  it('should refuse __proto__, constructor and prototype keys when class-transformer would drop them silently', async () => {
    const parsed = JSON.parse(
      '{"name":"Bakkerij","__proto__":{"polluted":1},"constructor":{"prototype":{}}}',
    ) as object;
    expect(await problems(parsed)).toEqual([
      { field: '__proto__', problem: 'is not a known field' },
      { field: 'constructor', problem: 'is not a known field' },
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
