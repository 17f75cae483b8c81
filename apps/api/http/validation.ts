import { ValidationError, ValidationPipe } from '@nestjs/common';
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

/** Unknown fields are 400, every invalid field is named; nothing reaches a service unvalidated. */
export function validationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => DomainError.invalidMany(flatten(errors)),
  });
}
