import { Clock } from '@app/core';
import { EMPLOYER_STAGES, EmployerStage } from '../employers/employer.types';
import { isCalendarDate, todayInAmsterdam } from '../shared/calendar-date';
import { cleanText, FieldErrors } from '../shared/field-errors';
import { HandMoveRequest } from './stage-rules';
import { HandMoveInput } from './stage.types';

const MAX_REASON = 1000;

export interface CheckedHandMove extends HandMoveRequest {
  reason: string | null;
  recontactAt: string | null;
}

/** Checks the body of a hand move (400 naming each bad field); the move itself is judged by the rules. */
export function handMoveRequest(input: HandMoveInput, clock: Clock): CheckedHandMove {
  const errors = new FieldErrors();
  const stage = input.stage as EmployerStage;
  if (input.stage === undefined) errors.add('stage', 'is required');
  else if (!(EMPLOYER_STAGES as readonly string[]).includes(input.stage)) {
    errors.add('stage', `must be one of ${EMPLOYER_STAGES.join(', ')}`);
  }
  const reason = cleanText(input.reason) ?? null;
  if (reason !== null && reason.length > MAX_REASON) errors.add('reason', `must be at most ${MAX_REASON} characters`);
  const recontactAt = input.recontactAt ?? null;
  if (recontactAt !== null) {
    if (stage !== 'not_interested') errors.add('recontactAt', 'only goes with not_interested');
    else if (!isCalendarDate(recontactAt)) errors.add('recontactAt', 'must be a date written as YYYY-MM-DD');
    else if (recontactAt < todayInAmsterdam(clock)) errors.add('recontactAt', 'must not be in the past');
  }
  errors.throwIfAny();
  return { stage, reason, recontactAt, hasReason: reason !== null, override: input.override === true };
}
