import { parseTrustProxy } from './trust-proxy';

function parse(raw: string | undefined) {
  const problems: string[] = [];
  return { value: parseTrustProxy(raw, (p) => problems.push(p)), problems };
}

describe('parseTrustProxy', () => {
  it('should be off when TRUST_PROXY is unset or false', () => {
    expect(parse(undefined)).toEqual({ value: false, problems: [] });
    expect(parse('false')).toEqual({ value: false, problems: [] });
  });

  it('should trust every hop when TRUST_PROXY is true', () => {
    expect(parse('TRUE')).toEqual({ value: true, problems: [] });
  });

  it('should trust a number of hops when TRUST_PROXY is a whole number', () => {
    expect(parse('2')).toEqual({ value: 2, problems: [] });
  });

  it('should keep a list of addresses, subnets and named ranges when TRUST_PROXY is a comma list', () => {
    expect(parse('10.0.0.1, 172.16.0.0/12,fd00::/8,loopback,10.0.0.0/255.0.0.0')).toEqual({
      value: ['10.0.0.1', '172.16.0.0/12', 'fd00::/8', 'loopback', '10.0.0.0/255.0.0.0'],
      problems: [],
    });
  });

  it('should report the entries Express would refuse when the list holds them', () => {
    const { value, problems } = parse('10.0.0.1,proxy.local,10.0.0.0/33,10.0.0.0/0,10.0.0.0/255.0.255.0');
    expect(value).toBe(false);
    expect(problems).toHaveLength(1);
    for (const bad of ['proxy.local', '10.0.0.0/33', '10.0.0.0/0', '10.0.0.0/255.0.255.0'])
      expect(problems[0]).toContain(`"${bad}"`);
    expect(problems[0]).not.toContain('"10.0.0.1"');
  });
});
