import { checkSteps, MAX_STEPS, templateIdsOf } from './campaign-steps';
import { FieldProblems } from './field-problems';

const T1 = '11111111-1111-4111-8111-111111111111';
const T2 = '22222222-2222-4222-8222-222222222222';

function check(raw: unknown) {
  const problems = new FieldProblems();
  const steps = checkSteps(raw, problems);
  return { steps, problems: [...problems.list] };
}

describe('checkSteps', () => {
  it('should normalise a three-step sequence when every step is valid', () => {
    const { steps, problems } = check([
      { type: 'email', templateId: T1.toUpperCase() },
      { type: 'wait', duration: 'P3D' },
      { type: 'email', templateId: T2 },
      { type: 'wait', duration: 'PT2H', calendar: 'calendar-days' },
      { type: 'task', title: '  Bel de werkgever  ' },
    ]);
    expect(problems).toEqual([]);
    expect(steps).toEqual([
      { type: 'email', templateId: T1 },
      { type: 'wait', duration: 'P3D', calendar: 'working-days' },
      { type: 'email', templateId: T2 },
      { type: 'wait', duration: 'PT2H', calendar: 'calendar-days' },
      { type: 'task', title: 'Bel de werkgever' },
    ]);
  });

  it.each([
    ['not a list', { type: 'email' }, 'steps', 'must be a list of steps'],
    ['empty', [], 'steps', 'must hold at least one step'],
    ['a wait first', [{ type: 'wait', duration: 'P1D' }], 'steps[0].type', 'the first step must be an email'],
    ['a task first', [{ type: 'task', title: 'x' }], 'steps[0].type', 'the first step must be an email'],
    ['not an object', [{ type: 'email', templateId: T1 }, 'wait'], 'steps[1]', 'must be an object with a type'],
    ['of an unknown type', [{ type: 'email', templateId: T1 }, { type: 'sms' }], 'steps[1].type', 'must be one of'],
    ['an email without template', [{ type: 'email' }], 'steps[0].templateId', 'is required'],
    ['an email with a malformed template id', [{ type: 'email', templateId: 'x' }], 'steps[0].templateId', 'UUID'],
    [
      'a wait without duration',
      [{ type: 'email', templateId: T1 }, { type: 'wait' }],
      'steps[1].duration',
      'is required',
    ],
    [
      'a wait of a malformed duration',
      [
        { type: 'email', templateId: T1 },
        { type: 'wait', duration: '3 days' },
      ],
      'steps[1].duration',
      'ISO-8601',
    ],
    [
      'a wait of a numeric duration',
      [
        { type: 'email', templateId: T1 },
        { type: 'wait', duration: 3 },
      ],
      'steps[1].duration',
      'must be a string',
    ],
    [
      'a wait of zero',
      [
        { type: 'email', templateId: T1 },
        { type: 'wait', duration: 'PT0S' },
      ],
      'steps[1].duration',
      'longer than zero',
    ],
    [
      'a wait over a year',
      [
        { type: 'email', templateId: T1 },
        { type: 'wait', duration: 'P400D' },
      ],
      'steps[1].duration',
      'at most one year',
    ],
    [
      'a wait on an unknown calendar',
      [
        { type: 'email', templateId: T1 },
        { type: 'wait', duration: 'P1D', calendar: 'business-days' },
      ],
      'steps[1].calendar',
      'working-days, calendar-days',
    ],
    ['a task without title', [{ type: 'email', templateId: T1 }, { type: 'task' }], 'steps[1].title', 'is required'],
    [
      'a task with a blank title',
      [
        { type: 'email', templateId: T1 },
        { type: 'task', title: '   ' },
      ],
      'steps[1].title',
      'non-empty',
    ],
    [
      'a task with a long title',
      [
        { type: 'email', templateId: T1 },
        { type: 'task', title: 'x'.repeat(201) },
      ],
      'steps[1].title',
      'at most 200',
    ],
    [
      'a field of another step type',
      [{ type: 'email', templateId: T1, duration: 'P1D' }],
      'steps[0].duration',
      'is not a known field of a email step',
    ],
  ])('should name the field when the steps are %s', (_case, raw, field, problem) => {
    const { problems } = check(raw);
    expect(problems).toContainEqual({ field, problem: expect.stringContaining(problem) });
  });

  it('should refuse more than the maximum number of steps', () => {
    const raw = [{ type: 'email', templateId: T1 }, ...Array(MAX_STEPS).fill({ type: 'task', title: 'Bellen' })];
    expect(check(raw).problems).toEqual([{ field: 'steps', problem: `must hold at most ${MAX_STEPS} steps` }]);
  });

  it('should report every invalid step at once', () => {
    const { problems } = check([
      { type: 'email', templateId: T1 },
      { type: 'wait', duration: 'P1W' },
      { type: 'email', templateId: 'nope' },
      { type: 'task', title: '' },
    ]);
    expect(problems.map((p) => p.field)).toEqual(['steps[1].duration', 'steps[2].templateId', 'steps[3].title']);
  });

  it('should list each template once when several steps send it', () => {
    const { steps } = check([
      { type: 'email', templateId: T1 },
      { type: 'wait', duration: 'P1D' },
      { type: 'email', templateId: T2 },
      { type: 'wait', duration: 'P1D' },
      { type: 'email', templateId: T1 },
    ]);
    expect(templateIdsOf(steps)).toEqual([T1, T2]);
  });
});
