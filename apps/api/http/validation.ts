import { ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
import { DECORATORS } from '@nestjs/swagger';
import { DomainError, ErrorDetail } from '@app/core';

function flatten(errors: ValidationError[], prefix = ''): ErrorDetail[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.entries(error.constraints ?? {}).map(([rule, text]) => ({
      field,
      problem: rule === 'whitelistValidation' ? 'is not a known field' : text.replace(`${error.property} `, ''),
    }));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

// Where @nestjs/swagger keeps each DTO property's documented schema (its `nullable` flag among it).
const API_MODEL_PROPERTIES = DECORATORS.API_MODEL_PROPERTIES;
// No documented body nests anywhere near this deep; deeper is refused rather than left unchecked.
const MAX_DEPTH = 32;

// Keys that class-transformer and the whitelist skip because every object already has them
// (`__proto__`, `constructor`, `valueOf`, `toString`, …), so they would pass silently.
const PROTOTYPE_KEYS = new Set([...Object.getOwnPropertyNames(Object.prototype), 'prototype']);

/**
 * Strings holding a NUL (PostgreSQL text cannot store one: it would be a 500) and prototype keys, anywhere;
 * a body nested deeper than MAX_DEPTH is refused as a whole, so nothing below the check goes unchecked.
 */
function hostileParts(value: unknown, field: string, depth = 0): ErrorDetail[] {
  if (typeof value === 'string')
    return value.includes('\u0000') ? [{ field: field || 'body', problem: 'may not contain a NUL character' }] : [];
  if (value === null || typeof value !== 'object') return [];
  if (depth > MAX_DEPTH)
    return [{ field: field || 'body', problem: `is nested too deeply (more than ${MAX_DEPTH} levels)` }];
  return Object.entries(value).flatMap(([key, inner]) => {
    const path = field ? `${field}.${key}` : key;
    if (PROTOTYPE_KEYS.has(key)) return [{ field: path, problem: 'is not a known field' }];
    return hostileParts(inner, path, depth + 1);
  });
}

/** Top-level fields sent as `null` that the OpenAPI document does not mark nullable (null is not "left out"). */
function nonNullableNulls(body: object, metatype: ArgumentMetadata['metatype']): string[] {
  const prototype = (metatype as { prototype?: object } | undefined)?.prototype;
  if (!prototype) return [];
  return Object.entries(body)
    .filter(([, value]) => value === null)
    .map(([key]) => key)
    .filter((key) => {
      const documented = Reflect.getMetadata(API_MODEL_PROPERTIES, prototype, key) as
        { nullable?: boolean } | undefined;
      return documented !== undefined && documented.nullable !== true;
    });
}

/**
 * A DTO body must be one JSON object: an array would be validated index by index ("0: is not a
 * known field; 1: …"), which tells the caller nothing. An absent body stays `{}` as before.
 * Strings with NUL and keys named like Object.prototype members (bodies and queries), and `null`
 * for a field the document does not call nullable, are 400 here: `@IsOptional()` would let such a
 * null through to a NOT NULL column or a service.
 */
class ObjectBodyValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const wholeDtoBody = metadata.type === 'body' && !metadata.data && this.toValidate(metadata);
    if (wholeDtoBody && value !== undefined && value !== null && (typeof value !== 'object' || Array.isArray(value)))
      throw DomainError.invalid('body', 'must be a JSON object');
    if (metadata.type === 'body' || metadata.type === 'query') {
      const problems = hostileParts(value, metadata.data ?? '');
      if (wholeDtoBody && value && typeof value === 'object')
        problems.push(
          ...nonNullableNulls(value, metadata.metatype).map((field) => ({ field, problem: 'may not be null' })),
        );
      if (problems.length > 0) throw DomainError.invalidMany(problems);
    }
    return super.transform(value, metadata);
  }
}

/** Unknown fields are 400, every invalid field is named; nothing reaches a service unvalidated. */
export function validationPipe(): ValidationPipe {
  return new ObjectBodyValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => DomainError.invalidMany(flatten(errors)),
  });
}
