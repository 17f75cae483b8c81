import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../api/client';
import { useMutation } from './use-mutation';

afterEach(cleanup);

function SaveButton({ save }: { save: () => Promise<unknown> }) {
  const mutation = useMutation(save);
  return (
    <>
      <button type="button" disabled={mutation.pending} onClick={() => void mutation.run()}>
        {mutation.pending ? 'Opslaan…' : 'Opslaan'}
      </button>
      {mutation.error && <p role="alert">{mutation.error.message}</p>}
    </>
  );
}

describe('useMutation', () => {
  it('should send one request and disable the button while it runs when the button is clicked twice', async () => {
    let finish: () => void = () => undefined;
    let calls = 0;
    const save = () => {
      calls += 1;
      return new Promise<void>((resolve) => (finish = resolve));
    };
    render(<SaveButton save={save} />);
    const button = screen.getByRole('button');

    fireEvent.click(button);
    fireEvent.click(button);
    expect(calls).toBe(1);
    expect(screen.getByRole('button').hasAttribute('disabled')).toBe(true);
    expect(screen.getByRole('button').textContent).toBe('Opslaan…');

    await act(async () => finish());
    expect(screen.getByRole('button').hasAttribute('disabled')).toBe(false);
  });

  it('should show the error and allow a new attempt when the action fails', async () => {
    render(<SaveButton save={() => Promise.reject(ApiError.fromBody(409, { code: 'user.last_admin' }))} />);

    await act(async () => fireEvent.click(screen.getByRole('button')));

    expect(screen.getByRole('alert').textContent).toContain('laatste actieve beheerder');
    expect(screen.getByRole('button').hasAttribute('disabled')).toBe(false);
  });
});
