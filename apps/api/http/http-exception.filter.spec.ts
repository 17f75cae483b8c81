import { jest } from '@jest/globals';
import { ArgumentsHost, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { HttpExceptionFilter } from './http-exception.filter';

function hostFor(response: Partial<Response>): ArgumentsHost {
  return { switchToHttp: () => ({ getResponse: () => response }) } as unknown as ArgumentsHost;
}

describe('HttpExceptionFilter', () => {
  it('should break the connection off, not end the body, when an error comes after the headers were sent', () => {
    const logged = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    const destroy = jest.fn();
    const end = jest.fn();
    new HttpExceptionFilter().catch(new Error('read failed'), hostFor({ headersSent: true, destroy, end } as never));
    expect(destroy).toHaveBeenCalledTimes(1);
    expect(end).not.toHaveBeenCalled();
    logged.mockRestore();
  });
});
