import { classifySmtpError } from './smtp-outcome';

describe('classifySmtpError', () => {
  it('should retry when the server answers 4xx or the connection fails', () => {
    expect(classifySmtpError({ responseCode: 451, response: '451 4.3.0 Try later', command: 'RCPT TO' }).kind).toBe(
      'retry',
    );
    expect(classifySmtpError({ code: 'ECONNREFUSED', message: 'connect ECONNREFUSED' }).kind).toBe('retry');
  });

  it('should retry when no connection was ever made (refused, unreachable, DNS, greeting)', () => {
    expect(
      classifySmtpError({
        code: 'ESOCKET',
        originalCode: 'ECONNREFUSED',
        message: 'connect ECONNREFUSED',
        command: 'CONN',
      }).kind,
    ).toBe('retry');
    expect(classifySmtpError({ code: 'EDNS', message: 'getaddrinfo ENOTFOUND mail.example' }).kind).toBe('retry');
    expect(classifySmtpError({ code: 'ETIMEDOUT', message: 'Greeting never received', command: 'CONN' }).kind).toBe(
      'retry',
    );
  });

  it('should be unknown when the connection broke or timed out without an answer after it stood', () => {
    expect(
      classifySmtpError({ code: 'ECONNECTION', message: 'Connection closed unexpectedly', command: 'CONN' }).kind,
    ).toBe('unknown');
    expect(classifySmtpError({ code: 'ETIMEDOUT', message: 'Timeout', command: 'CONN' }).kind).toBe('unknown');
    expect(classifySmtpError({ code: 'ESOCKET', originalCode: 'ECONNRESET', message: 'read ECONNRESET' }).kind).toBe(
      'unknown',
    );
    expect(classifySmtpError(new Error('something odd')).kind).toBe('unknown');
  });

  it('should bounce when the recipient address is refused at RCPT with 550, 551 or 553', () => {
    expect(classifySmtpError({ responseCode: 550, response: '550 5.1.1 No such user', command: 'RCPT TO' }).kind).toBe(
      'bounced',
    );
    expect(
      classifySmtpError({ responseCode: 553, response: '553 mailbox name invalid', command: 'RCPT TO' }).kind,
    ).toBe('bounced');
  });

  it('should count as blocked when the refusal is about us: auth, 5.7.x policy, relay or SPF', () => {
    expect(
      classifySmtpError({ responseCode: 535, response: '535 5.7.8 Auth failed', command: 'AUTH PLAIN' }).kind,
    ).toBe('blocked');
    expect(
      classifySmtpError({ responseCode: 550, response: '550 5.7.1 Relaying denied', command: 'RCPT TO' }).kind,
    ).toBe('blocked');
    expect(classifySmtpError({ responseCode: 550, response: '550 SPF check failed', command: 'RCPT TO' }).kind).toBe(
      'blocked',
    );
    expect(classifySmtpError({ responseCode: 554, response: '554 Transaction failed', command: 'DATA' }).kind).toBe(
      'blocked',
    );
  });

  it('should fail without suppressing when the mailbox is full', () => {
    expect(classifySmtpError({ responseCode: 552, response: '552 5.2.2 Mailbox full', command: 'RCPT TO' }).kind).toBe(
      'failed',
    );
  });
});
