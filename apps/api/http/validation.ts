import { ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
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

/**
 * A DTO body must be one JSON object: an array would be validated index by index ("0: is not a
 * known field; 1: …"), which tells the caller nothing. An absent body stays `{}` as before.
 */
class ObjectBodyValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const wholeDtoBody = metadata.type === 'body' && !metadata.data && this.toValidate(metadata);
    if (wholeDtoBody && value !== undefined && value !== null && (typeof value !== 'object' || Array.isArray(value)))
      throw DomainError.invalid('body', 'must be a JSON object');
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
