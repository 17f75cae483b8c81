import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/client';
import { Field } from './field';
import { ErrorBoundary, ErrorMessage, FormErrors } from './status';

afterEach(cleanup);

function Broken(): never {
  throw new Error('kapot');
}

describe('status components', () => {
  it('should show the error and keep the page when a screen throws while rendering', () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    render(
      <div>
        <nav>Hoofdmenu</nav>
        <ErrorBoundary>
          <Broken />
        </ErrorBoundary>
      </div>,
    );

    expect(screen.getByRole('alert').textContent).toContain('Dit scherm kon niet worden getoond');
    expect(screen.getByRole('alert').textContent).toContain('kapot');
    expect(screen.getByText('Hoofdmenu')).toBeTruthy();
    log.mockRestore();
  });

  it('should list every field problem in Dutch and offer a retry when a request fails', () => {
    const retry = vi.fn();
    const error = ApiError.fromBody(400, {
      message: 'kvkNumber: must be exactly 8 digits',
      code: 'validation.invalid',
      details: [{ field: 'kvkNumber', problem: 'must be exactly 8 digits' }],
    });
    render(<ErrorMessage error={error} onRetry={retry} />);

    expect(screen.getByRole('alert').textContent).toContain('De invoer klopt niet.');
    expect(screen.getByRole('alert').textContent).toContain('KvK-nummer: moet precies 8 cijfers zijn');
    expect(screen.getByRole('alert').textContent).not.toContain('digits');
    fireEvent.click(screen.getByRole('button', { name: 'Opnieuw proberen' }));
    expect(retry).toHaveBeenCalledOnce();
  });

  it('should list only the problems of fields the form does not show when a form fails', () => {
    const error = ApiError.fromBody(400, {
      code: 'validation.invalid',
      details: [
        { field: 'kvkNumber', problem: 'must be exactly 8 digits' },
        { field: 'regionId', problem: 'must be a UUID' },
      ],
    });
    render(<FormErrors error={error} fields={['kvkNumber']} />);

    const alert = screen.getByRole('alert').textContent;
    expect(alert).toContain('Regio: is geen geldige verwijzing');
    expect(alert).not.toContain('KvK-nummer');
  });

  it('should say it in Dutch by code and keep the English text only as a detail when the code is unknown', () => {
    const known = ApiError.fromBody(409, {
      code: 'stage.later_stages_follow_facts',
      message: 'stage.later_stages_follow_facts: sw_pilot follows from trajectories',
    });
    const unknown = ApiError.fromBody(409, { code: 'something.new', message: 'Something new went wrong' });

    expect([known.message, known.detail]).toEqual([
      'Deze fase volgt uit trajecten en succesverhalen; alleen een coördinator kan haar met de hand zetten.',
      undefined,
    ]);
    expect([unknown.message, unknown.detail]).toEqual(['Dit kan nu niet.', 'Something new went wrong']);
  });

  it('should tie the problem to its input for screen readers when a field is invalid', () => {
    render(
      <Field label="KvK-nummer" hint="8 cijfers" error="must be exactly 8 digits">
        {(props) => <input {...props} />}
      </Field>,
    );

    const input = screen.getByLabelText('KvK-nummer');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    const described = (input.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .map((id) => document.getElementById(id)?.textContent);
    expect(described).toEqual(['8 cijfers', 'must be exactly 8 digits']);
  });
});
