import { Writable } from 'node:stream';
import { createAppLogger, withoutEmailAddresses } from './app-logger';

function collect(): { stream: Writable; lines: () => Record<string, unknown>[] } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk.toString());
      done();
    },
  });
  const lines = () =>
    chunks
      .join('')
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
  return { stream, lines };
}

describe('createAppLogger', () => {
  it('should replace e-mail addresses in messages when the level is above debug', () => {
    const { stream, lines } = collect();
    const logger = createAppLogger('debug', stream);

    logger.info('Forwarded a reply to jan.jansen@bakkerij.example and piet@wsp.example.nl');
    logger.debug('Debugging jan.jansen@bakkerij.example');

    expect(lines()[0]).toMatchObject({ level: 'info', msg: 'Forwarded a reply to [e-mail] and [e-mail]' });
    expect(lines()[1]).toMatchObject({ level: 'debug', msg: 'Debugging jan.jansen@bakkerij.example' });
  });

  it('should replace e-mail addresses in error messages and stacks when an error is logged above debug', () => {
    const { stream, lines } = collect();
    const logger = createAppLogger('debug', stream);
    const error = new Error('duplicate key (email)=(jan.jansen@bakkerij.example)');

    logger.error({ err: error }, 'failed');
    logger.error(error);
    logger.error({ err: { message: 'to piet@wsp.example', stack: 'Error: to piet@wsp.example\n    at x' } });
    logger.warn({ stack: 'Error: jan@x.example\n    at y', context: 'HttpError' }, 'Unexpected error');
    logger.debug({ err: error }, 'debugging');

    const [first, second, third, fourth, fifth] = lines();
    expect(JSON.stringify([first, second, third, fourth])).not.toMatch(/bakkerij|wsp\.example|jan@x/);
    expect(first).toMatchObject({ err: { message: 'duplicate key (email)=([e-mail])' } });
    expect(String((first.err as { stack: string }).stack)).toContain('Error: duplicate key (email)=([e-mail])\n');
    expect(second).toMatchObject({ msg: 'duplicate key (email)=([e-mail])' });
    expect(third).toMatchObject({ err: { message: 'to [e-mail]' } });
    expect(fourth).toMatchObject({ stack: 'Error: [e-mail]\n    at y', context: 'HttpError' });
    expect(JSON.stringify(fifth)).toContain('jan.jansen@bakkerij.example');
  });

  it('should redact credentials and cookies when a logged object carries them', () => {
    const { stream, lines } = collect();
    const logger = createAppLogger('info', stream);

    logger.info(
      { req: { headers: { authorization: 'Bearer abc', cookie: 'vliegwiel_session=x' } }, password: 'pw' },
      'x',
    );

    expect(lines()[0]).toMatchObject({
      req: { headers: { authorization: '[redacted]', cookie: '[redacted]' } },
      password: '[redacted]',
    });
  });

  it('should write nothing when the level is silent', () => {
    const { stream, lines } = collect();

    createAppLogger('silent', stream).error('nothing');

    expect(lines()).toEqual([]);
  });
});

describe('withoutEmailAddresses', () => {
  it('should leave text alone when it holds no address', () => {
    expect(withoutEmailAddresses('Worker ready on queue email-send @ 10:00')).toBe(
      'Worker ready on queue email-send @ 10:00',
    );
  });
});
