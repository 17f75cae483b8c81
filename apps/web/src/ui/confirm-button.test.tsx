import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ConfirmButton } from './confirm-button';

afterEach(cleanup);

// jsdom has <dialog> but not its modal methods: open and close it the plain way.
beforeAll(() => {
  HTMLDialogElement.prototype.showModal ??= function (this: HTMLDialogElement) {
    this.open = true;
  };
  HTMLDialogElement.prototype.close ??= function (this: HTMLDialogElement) {
    this.open = false;
  };
});

describe('ConfirmButton', () => {
  it('should open on "Terug" for a destructive action and give focus back to the button when closed', () => {
    const onConfirm = vi.fn();
    render(
      <ConfirmButton
        label="Verwijderen"
        title="Weg?"
        question="Zeker?"
        confirmLabel="Ja"
        destructive
        onConfirm={onConfirm}
      />,
    );

    fireEvent.click(screen.getByRole('button', { name: 'Verwijderen' }));
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Terug' }));
    fireEvent.click(screen.getByRole('button', { name: 'Terug' }));

    expect(screen.queryByRole('button', { name: 'Terug' })).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Verwijderen' }));
    expect(onConfirm).not.toHaveBeenCalled();
  });

  it('should open on the confirm button otherwise, and confirm once', () => {
    const onConfirm = vi.fn();
    render(
      <ConfirmButton label="Pauzeren" title="Pauzeren?" question="Zeker?" confirmLabel="Ja" onConfirm={onConfirm} />,
    );

    fireEvent.click(screen.getByRole('button', { name: 'Pauzeren' }));
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Ja' }));
    fireEvent.click(screen.getByRole('button', { name: 'Ja' }));

    expect(onConfirm).toHaveBeenCalledTimes(1);
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Pauzeren' }));
  });

  it('should stay focusable but not open while busy', () => {
    render(
      <ConfirmButton
        label="Pauzeren"
        title="Pauzeren?"
        question="Zeker?"
        confirmLabel="Ja"
        busy
        onConfirm={() => {}}
      />,
    );
    const button = screen.getByRole('button', { name: 'Pauzeren' });

    fireEvent.click(button);

    expect(button.hasAttribute('disabled')).toBe(false);
    expect(button.getAttribute('aria-disabled')).toBe('true');
    expect(screen.queryByRole('button', { name: 'Ja' })).toBeNull();
  });

  it('should move focus to the fallback when the focused button goes away after the action', async () => {
    function Host() {
      const [done, setDone] = useState(false);
      return (
        <>
          <h1 id="title" tabIndex={-1}>
            Titel
          </h1>
          {!done && (
            <ConfirmButton
              label="Annuleren"
              title="Annuleren?"
              question="Zeker?"
              confirmLabel="Ja"
              focusAfter={() => document.getElementById('title')}
              onConfirm={() => setDone(true)}
            />
          )}
        </>
      );
    }
    render(<Host />);

    fireEvent.click(screen.getByRole('button', { name: 'Annuleren' }));
    fireEvent.click(screen.getByRole('button', { name: 'Ja' }));
    await new Promise((resolve) => setTimeout(resolve, 10));

    expect(screen.queryByRole('button', { name: 'Annuleren' })).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Titel' }));
  });
});
