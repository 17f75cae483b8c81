import { isUuid } from '@app/core';
import { parseWaitDuration } from '../calendar/iso-duration';
import { WAIT_CALENDARS, WaitCalendar } from '../calendar/send-calendar';
import { CampaignStep } from './campaign.types';
import { FieldProblems, isPlainObject } from './field-problems';

export const MAX_STEPS = 50;
export const MAX_TASK_TITLE = 200;

const STEP_FIELDS: Record<CampaignStep['type'], readonly string[]> = {
  email: ['type', 'templateId'],
  wait: ['type', 'duration', 'calendar'],
  task: ['type', 'title'],
};

/**
 * Checks the `steps` of a campaign body and returns them normalised (a wait's calendar filled in,
 * a task title trimmed); every problem is named by its path, e.g. `steps[1].duration`. The first
 * step must be an e-mail: a wait has no previous step to count from, and a campaign that opens
 * with a task mails nobody. Whether the templates exist is the service's question (404).
 */
export function checkSteps(raw: unknown, problems: FieldProblems): CampaignStep[] {
  if (!Array.isArray(raw)) {
    problems.add('steps', 'must be a list of steps');
    return [];
  }
  if (raw.length === 0) problems.add('steps', 'must hold at least one step');
  if (raw.length > MAX_STEPS) problems.add('steps', `must hold at most ${MAX_STEPS} steps`);
  const steps = raw.map((item, index) => checkStep(item, `steps[${index}]`, problems));
  const firstType = isPlainObject(raw[0]) ? raw[0].type : undefined;
  if (firstType === 'wait' || firstType === 'task') problems.add('steps[0].type', 'the first step must be an email');
  return steps.filter((step): step is CampaignStep => step !== null);
}

/** The distinct template ids of the e-mail steps. */
export function templateIdsOf(steps: CampaignStep[]): string[] {
  return [...new Set(steps.flatMap((step) => (step.type === 'email' ? [step.templateId] : [])))];
}

function checkStep(item: unknown, path: string, problems: FieldProblems): CampaignStep | null {
  if (!isPlainObject(item)) {
    problems.add(path, 'must be an object with a type');
    return null;
  }
  const type = item.type;
  if (type !== 'email' && type !== 'wait' && type !== 'task') {
    problems.add(`${path}.type`, 'must be one of email, wait, task');
    return null;
  }
  const before = problems.list.length;
  for (const key of Object.keys(item)) {
    if (!STEP_FIELDS[type].includes(key)) problems.add(`${path}.${key}`, `is not a known field of a ${type} step`);
  }
  const step = readStep(type, item, path, problems);
  return problems.list.length === before ? step : null;
}

function readStep(
  type: CampaignStep['type'],
  item: Record<string, unknown>,
  path: string,
  problems: FieldProblems,
): CampaignStep {
  switch (type) {
    case 'email': {
      const templateId = item.templateId;
      if (templateId === undefined) problems.add(`${path}.templateId`, 'is required');
      else if (!isUuid(templateId)) problems.add(`${path}.templateId`, 'must be a UUID');
      return { type, templateId: String(templateId).toLowerCase() };
    }
    case 'wait': {
      const duration = item.duration;
      if (duration === undefined) problems.add(`${path}.duration`, 'is required');
      else if (typeof duration !== 'string') problems.add(`${path}.duration`, 'must be a string such as "P3D"');
      else {
        const parsed = parseWaitDuration(duration);
        if (!parsed.ok) problems.add(`${path}.duration`, parsed.problem);
      }
      const calendar = item.calendar ?? 'working-days';
      if (!WAIT_CALENDARS.includes(calendar as WaitCalendar)) {
        problems.add(`${path}.calendar`, `must be one of ${WAIT_CALENDARS.join(', ')}`);
      }
      return { type, duration: String(duration), calendar: calendar as WaitCalendar };
    }
    case 'task': {
      const title = typeof item.title === 'string' ? item.title.trim() : '';
      if (item.title === undefined) problems.add(`${path}.title`, 'is required');
      else if (typeof item.title !== 'string' || title === '') problems.add(`${path}.title`, 'must be non-empty text');
      else if (title.length > MAX_TASK_TITLE) {
        problems.add(`${path}.title`, `must be at most ${MAX_TASK_TITLE} characters`);
      }
      return { type, title };
    }
  }
}
