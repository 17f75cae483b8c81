import { Writable } from 'node:stream';
import { createAppLogger } from './app-logger';
import { NestPinoLogger } from './nest-pino-logger';

describe('NestPinoLogger', () => {
  it('should scrub e-mail addresses from the stack and message when Nest logs an error above debug', () => {
    const chunks: string[] = [];
    const stream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        chunks.push(chunk.toString());
        done();
      },
    });
    const logger = new NestPinoLogger(createAppLogger('info', stream));
    const error = new Error('no user jan.jansen@bakkerij.example');

    logger.error('Unexpected error 1', error.stack, 'HttpError');
    logger.error(error, 'HttpError');

    const lines = chunks
      .join('')
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => JSON.parse(line) as { msg: string; context: string; err: { message?: string; stack: string } });
    expect(chunks.join('')).not.toContain('bakkerij');
    expect(lines[0]).toMatchObject({ msg: 'Unexpected error 1', context: 'HttpError' });
    expect(lines[0].err.stack).toMatch(/^Error: no user \[e-mail\]\n/);
    expect(lines[1]).toMatchObject({ msg: 'no user [e-mail]', err: { message: 'no user [e-mail]' } });
  });
});
