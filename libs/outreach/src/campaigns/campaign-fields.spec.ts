import { checkCampaignFields, checkSendWindow } from './campaign-fields';
import { CampaignInput } from './campaign.types';
import { FieldProblems } from './field-problems';

const NOW = new Date('2026-06-01T10:00:00Z');
const STEPS = [{ type: 'email', templateId: '11111111-1111-4111-8111-111111111111' }];

function check(input: CampaignInput, mode: 'create' | 'patch' = 'create') {
  const problems = new FieldProblems();
  const values = checkCampaignFields(input, mode, NOW, problems);
  return { values, problems: [...problems.list] };
}

describe('checkCampaignFields', () => {
  it('should fill in the api.md defaults when optional fields are left out on create', () => {
    const { values, problems } = check({ name: ' Voorjaar ', steps: STEPS });
    expect(problems).toEqual([]);
    expect(values).toEqual({
      name: 'Voorjaar',
      steps: STEPS,
      contactScope: 'primary',
      exitStage: 'interested',
      sendWindow: { days: [1, 2, 3, 4, 5], from: '09:00', to: '17:00' },
      maxPerHour: null,
      launchAt: null,
    });
  });

  it('should keep only the given fields when patching', () => {
    expect(check({ maxPerHour: null, exitStage: 'sw_pilot' }, 'patch')).toEqual({
      values: { maxPerHour: null, exitStage: 'sw_pilot' },
      problems: [],
    });
  });

  it('should require a name and steps when creating', () => {
    expect(check({}).problems).toEqual([
      { field: 'name', problem: 'is required' },
      { field: 'steps', problem: 'is required' },
    ]);
  });

  it.each<[string, CampaignInput, string]>([
    ['a blank name', { name: '  ' }, 'name'],
    ['a long name', { name: 'x'.repeat(201) }, 'name'],
    ['an unknown contact scope', { contactScope: 'everyone' }, 'contactScope'],
    ['prospect as exit stage', { exitStage: 'prospect' }, 'exitStage'],
    ['a side state as exit stage', { exitStage: 'not_interested' }, 'exitStage'],
    ['a zero hourly cap', { maxPerHour: 0 }, 'maxPerHour'],
    ['a fractional hourly cap', { maxPerHour: 1.5 }, 'maxPerHour'],
    ['a huge hourly cap', { maxPerHour: 100_001 }, 'maxPerHour'],
    ['a launch time in the past', { launchAt: '2026-06-01T09:59:59Z' }, 'launchAt'],
    ['a launch time of now', { launchAt: '2026-06-01T12:00:00+02:00' }, 'launchAt'],
    ['a launch time without offset', { launchAt: '2027-01-01T09:00:00' }, 'launchAt'],
    ['a launch date that does not exist', { launchAt: '2027-02-30T09:00:00Z' }, 'launchAt'],
    ['a launch time that is not a time', { launchAt: 'tomorrow' }, 'launchAt'],
  ])('should name the field when given %s', (_case, input, field) => {
    expect(check(input, 'patch').problems).toEqual([{ field, problem: expect.any(String) }]);
  });

  it('should accept a future launch time with an offset when creating', () => {
    const { values, problems } = check({ name: 'x', steps: STEPS, launchAt: '2026-06-01T12:00:01+02:00' });
    expect(problems).toEqual([]);
    expect(values.launchAt).toEqual(new Date('2026-06-01T10:00:01Z'));
  });

  it('should accept the upper bound of the hourly cap and later exit stages', () => {
    expect(check({ maxPerHour: 100_000, exitStage: 'ambassador', contactScope: 'all' }, 'patch').problems).toEqual([]);
  });
});

describe('checkSendWindow', () => {
  function window(raw: unknown) {
    const problems = new FieldProblems();
    const value = checkSendWindow(raw, problems);
    return { value, problems: [...problems.list] };
  }

  it('should sort the days when the window is valid', () => {
    expect(window({ days: [5, 1, 3], from: '08:30', to: '24:00' })).toEqual({
      value: { days: [1, 3, 5], from: '08:30', to: '24:00' },
      problems: [],
    });
  });

  it('should accept null, which sends at any time', () => {
    expect(window(null)).toEqual({ value: null, problems: [] });
  });

  it.each([
    ['no days', { days: [], from: '09:00', to: '17:00' }, 'sendWindow.days'],
    ['day 0', { days: [0, 1], from: '09:00', to: '17:00' }, 'sendWindow.days'],
    ['day 8', { days: [8], from: '09:00', to: '17:00' }, 'sendWindow.days'],
    ['a repeated day', { days: [1, 1], from: '09:00', to: '17:00' }, 'sendWindow.days'],
    ['a day as text', { days: ['1'], from: '09:00', to: '17:00' }, 'sendWindow.days'],
    ['a malformed from', { days: [1], from: '9:00', to: '17:00' }, 'sendWindow.from'],
    ['from 24:00', { days: [1], from: '24:00', to: '24:00' }, 'sendWindow.from'],
    ['a malformed to', { days: [1], from: '09:00', to: '17:60' }, 'sendWindow.to'],
    ['to before from', { days: [1], from: '17:00', to: '09:00' }, 'sendWindow.to'],
    ['to equal to from', { days: [1], from: '09:00', to: '09:00' }, 'sendWindow.to'],
    ['an unknown field', { days: [1], from: '09:00', to: '17:00', zone: 'UTC' }, 'sendWindow.zone'],
    ['a list', [1, 2], 'sendWindow'],
  ])('should name the field when the window has %s', (_case, raw, field) => {
    expect(window(raw).problems).toContainEqual({ field, problem: expect.any(String) });
  });
});
