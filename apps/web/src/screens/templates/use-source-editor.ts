import { useLayoutEffect, useRef, useState } from 'react';
import type { SourceField } from './template-model';
import { insertAt, lineRange } from './template-source';

export type Source = Record<SourceField, string>;

/**
 * The three source fields of the template editor: their values, their elements, inserting a token at
 * the cursor of the field the user was last in, and jumping to (selecting) a line a problem names.
 */
export function useSourceEditor(initial: Source) {
  const [source, setSource] = useState<Source>(initial);
  const fields = {
    subject: useRef<HTMLInputElement>(null),
    html: useRef<HTMLTextAreaElement>(null),
    text: useRef<HTMLTextAreaElement>(null),
  };
  // The field a variable goes into: the last one the user was in (the insert button takes the focus).
  const lastField = useRef<SourceField>('html');
  // A selection to restore after React has rendered a changed value.
  const pendingSelection = useRef<{ field: SourceField; start: number; end: number } | null>(null);
  useLayoutEffect(() => {
    const pending = pendingSelection.current;
    if (!pending) return;
    pendingSelection.current = null;
    const element = fields[pending.field].current;
    element?.focus();
    element?.setSelectionRange(pending.start, pending.end);
  });

  function change(field: SourceField, value: string) {
    setSource((current) => ({ ...current, [field]: value }));
  }

  /** Remembers the field the user is in, for the insert buttons. */
  function focused(field: SourceField) {
    lastField.current = field;
  }

  /** Puts `token` at the cursor (replacing a selection) of `into`, by default the last field the user was in. */
  function insert(token: string, into: (last: SourceField) => SourceField = (last) => last) {
    const field = into(lastField.current);
    const element = fields[field].current;
    const value = source[field];
    const start = element?.selectionStart ?? value.length;
    const end = element?.selectionEnd ?? start;
    const next = insertAt(value, token, start, end);
    change(field, next.value);
    pendingSelection.current = { field, start: next.cursor, end: next.cursor };
  }

  function jumpTo(field: SourceField, line: number) {
    const range = lineRange(source[field], line);
    const element = fields[field].current;
    element?.focus();
    element?.setSelectionRange(range.start, range.end);
    if (element instanceof HTMLTextAreaElement) {
      // Bring the selected line into view: a textarea does not scroll to a selection set from script.
      const lineHeight = parseFloat(getComputedStyle(element).lineHeight) || 20;
      element.scrollTop = Math.max(0, (line - 3) * lineHeight);
    }
  }

  return { source, fields, change, focused, insert, jumpTo };
}
