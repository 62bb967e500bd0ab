import MenuItem from '@mui/material/MenuItem';
import MenuList from '@mui/material/MenuList';
import Paper from '@mui/material/Paper';
import { useTheme } from '@mui/material/styles';
import { forwardRef, useEffect, useImperativeHandle, useRef, useState } from 'react';
import type { FieldDef } from '../../../schema';
import { nameKey } from '../../../schema/fromText';
import { handOver, isGridEditor, type KeptKey } from './handOver';
import { useTypedOptions, type TypedOption } from './useTypedOptions';

/** Where the cursor is: the cell's field, its record, where it is drawn, whether it takes typing. */
export interface TypingTarget {
  field: FieldDef;
  rowId: unknown;
  /** where the cursor is, column and row, as one key: typing follows the user's moves, not the data's */
  cell: string;
  bounds: { x: number; y: number; width: number; height: number };
  typable: boolean;
}

/** What typing into a cell ends with: the text, or the option picked under it; and where to go. */
export interface Typed {
  target: TypingTarget;
  text: string;
  option?: TypedOption;
  move: 'down' | 'up' | 'right' | 'left' | 'none';
}

export interface CellTypingHandle {
  focus(): void;
  /** whether something is being typed (the grid then leaves the cursor alone) */
  typing(): boolean;
  /** whether it has the keyboard */
  holds(): boolean;
}

const MOVES: Record<string, Typed['move']> = {
  Enter: 'down',
  Tab: 'right',
  ArrowDown: 'down',
  ArrowUp: 'up',
  ArrowLeft: 'left',
  ArrowRight: 'right',
};

/**
 * The grid's keyboard: an editable element that holds the focus while a cell is selected, as
 * Excel's and WPS's do, so that a Chinese input method composes straight onto the cell and no
 * key is lost however fast it comes (the element exists before the first key). Idle, it is
 * invisible and hands every key but text to the grid (moving, selecting, Enter to open the
 * full editor); once something is typed it shows over the cell as its editor, with the
 * matching choices or records under it for a choice or link cell. Enter, Tab and the arrows
 * save and move, Esc cancels; the Enter or Esc that ends a composition belongs to the input
 * method (see src/app/ime.ts) and never reaches here.
 */
export const CellTyping = forwardRef<
  CellTypingHandle,
  {
    target: TypingTarget | null;
    onCommit: (typed: Typed) => void;
    /** a key for the grid (when idle): whether the grid handled it */
    onGridKey: (event: React.KeyboardEvent) => boolean;
    /** Ctrl+Z, Ctrl+Enter: the grid's own shortcuts */
    onShortcut: (event: React.KeyboardEvent) => boolean;
    /** whether an element is the grid's own: a focus it takes comes straight back here */
    ownedByGrid: (element: Element | null) => boolean;
    label: string;
  }
>(({ target, onCommit, onGridKey, onShortcut, ownedByGrid, label }, ref) => {
  const theme = useTheme();
  const input = useRef<HTMLTextAreaElement>(null);
  // null: idle; else what is typed, into the cell the typing began on
  const [typed, setTyped] = useState<{ text: string; target: TypingTarget } | null>(null);
  const [highlight, setHighlight] = useState(0);
  // a new record is made only when chosen: by the arrows, or a click
  const [moved, setMoved] = useState(false);
  const picking = !!typed && (typed.target.field.type === 'enum' || typed.target.field.type === 'reference');
  const options = useTypedOptions(picking ? typed!.target.field : undefined, typed?.text ?? '');

  useImperativeHandle(ref, () => ({
    focus: () => input.current?.focus({ preventScroll: true }),
    typing: () => typed !== null,
    holds: () => !!input.current && document.activeElement === input.current,
  }));

  const reset = () => {
    if (input.current) input.current.value = '';
    setTyped(null);
    setHighlight(0);
    setMoved(false);
  };
  const commit = (move: Typed['move'], option?: TypedOption) => {
    if (!typed) return;
    const text = input.current?.value ?? typed.text;
    reset();
    onCommit({
      target: typed.target,
      text,
      option: option ?? (picking ? pickFor(text, move !== 'none') : undefined),
      move,
    });
  };
  /** The option a commit takes. Enter or Tab: the highlighted one the list shows (a new record
   * only if the user moved to it: Enter on a name nobody has says so instead of adding one).
   * Leaving the cell (a click elsewhere): for a link, only the record named exactly as typed,
   * for nothing was seen chosen: 浙江大学 is not 浙江大学宁波研究院, however the search answered. */
  const pickFor = (text: string, seen: boolean) => {
    const option = text.trim() && options.length ? options[Math.min(highlight, options.length - 1)] : undefined;
    if (!option) return undefined;
    if (option.create) return moved ? option : undefined;
    if (seen || typed?.target.field.type !== 'reference') return option;
    return nameKey(option.label) === nameKey(text) ? option : undefined;
  };

  // The cursor moved away (a click elsewhere) while typing: save what was typed, as Excel does;
  // mid-composition, once the input method has committed (what it shows is not text yet). A
  // refresh that puts another record under the cursor is no move: the typing keeps its record.
  const composing = useRef(false);
  const commitWhenComposed = useRef(false);
  // Enter or F2 handed to the grid opens its editor a moment later: what is typed meanwhile
  // stays here, unseen, and goes to the editor once it has the keyboard (see handOver)
  const opening = useRef<KeptKey[] | null>(null);
  useEffect(() => {
    opening.current = null;
    if (!typed) return;
    if (composing.current) commitWhenComposed.current = true;
    else commit('none');
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only when the cursor moves
  }, [target?.cell]);

  const onInput = (event: React.FormEvent<HTMLTextAreaElement>) => {
    if (opening.current) return;
    // the pinyin being composed is no text to search by: the list follows what is committed
    if ((event.nativeEvent as InputEvent).isComposing && typed) return;
    const text = input.current?.value ?? '';
    if (!typed && target) setTyped({ text, target });
    else if (typed) setTyped({ ...typed, text });
    setHighlight(0);
    setMoved(false);
  };

  const onKeyDown = (event: React.KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.nativeEvent.isComposing || event.keyCode === 229) return; // the input method's
    if (opening.current) {
      // text edits what is kept; what ends an edit waits for the editor
      if (['Enter', 'Tab', 'Escape'].includes(event.key)) {
        event.preventDefault();
        const { key, code, shiftKey, altKey, ctrlKey, metaKey } = event;
        opening.current.push({ key, code, shiftKey, altKey, ctrlKey, metaKey });
      }
      return;
    }
    if (!typed) {
      if (onShortcut(event)) return;
      const text = event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey;
      const clipboard = (event.ctrlKey || event.metaKey) && ['c', 'x', 'v'].includes(event.key.toLowerCase());
      // Alt with a key is the browser's (Alt+← goes back) or the system's
      if (event.altKey) return;
      // text goes into this element (and so into the cell); the clipboard keys raise their own events here
      if ((text && target?.typable && !(event.key === ' ' && target.field.type === 'boolean')) || clipboard) return;
      // what the grid does not handle (F5, Ctrl+P, Ctrl+±, Tab at the last cell) stays the browser's
      if (!onGridKey(event)) return;
      event.preventDefault();
      const opens = (event.key === 'Enter' || event.key === 'F2') && !event.ctrlKey && !event.metaKey;
      if (opens && target?.typable && document.activeElement === input.current) opening.current = [];
      return;
    }
    if (picking && options.length > 0 && (event.key === 'ArrowDown' || event.key === 'ArrowUp')) {
      event.preventDefault();
      setHighlight((h) => Math.max(0, Math.min(options.length - 1, h + (event.key === 'ArrowDown' ? 1 : -1))));
      setMoved(true);
      return;
    }
    if (event.key === 'Escape') {
      event.preventDefault();
      reset();
      return;
    }
    const move = MOVES[event.key];
    if (!move || (event.key === 'Enter' && event.altKey)) return; // Alt+Enter: a line break, as in Excel
    event.preventDefault();
    // Shift+Enter goes up, Shift+Tab left; Shift with an arrow moves as the arrow does
    const back = event.shiftKey && (event.key === 'Enter' || event.key === 'Tab');
    commit(back ? (move === 'down' ? 'up' : 'left') : move);
  };

  const bounds = (typed?.target ?? target)?.bounds;
  const shown = typed !== null;
  return (
    <>
      <textarea
        ref={input}
        aria-label={label}
        data-testid="cell-typing"
        data-typing={shown ? 'true' : 'false'}
        readOnly={!target?.typable}
        rows={1}
        spellCheck={false}
        autoComplete="off"
        onInput={onInput}
        onCompositionStart={() => {
          composing.current = true;
          if (!typed && target?.typable && !opening.current) setTyped({ text: '', target });
        }}
        onCompositionEnd={() => {
          composing.current = false;
          if (commitWhenComposed.current) {
            commitWhenComposed.current = false;
            commit('none');
          } else if (typed) setTyped({ ...typed, text: input.current?.value ?? '' });
        }}
        onKeyDown={onKeyDown}
        // leaving mid-composition: the input method commits first (compositionend), then this.
        // Glide focuses its canvas a frame after a click (later on a busy machine, after the
        // first keys): the focus comes back, so that is no leaving; a move commits above.
        onBlur={(event) => {
          const to = event.relatedTarget;
          if (ownedByGrid(to)) return;
          if (opening.current) {
            if (isGridEditor(to)) handOver(to, input.current?.value ?? '', opening.current);
            opening.current = null;
            if (input.current) input.current.value = '';
            return;
          }
          if (!composing.current) commit('none');
        }}
        style={
          {
            position: 'fixed',
            left: bounds ? bounds.x : -9999,
            top: bounds ? bounds.y : -9999,
            minWidth: bounds ? bounds.width : 10,
            maxWidth: 480,
            height: bounds ? bounds.height : 10,
            boxSizing: 'border-box',
            padding: '6px 9px',
            margin: 0,
            resize: 'none',
            overflow: 'hidden',
            whiteSpace: 'pre',
            font: `14px ${theme.typography.fontFamily}`,
            lineHeight: '20px',
            zIndex: 5,
            // idle: invisible and out of the mouse's way, only holding the keyboard
            opacity: shown ? 1 : 0,
            pointerEvents: shown ? 'auto' : 'none',
            background: theme.palette.background.paper,
            color: theme.palette.text.primary,
            border: `2px solid ${theme.palette.primary.main}`,
            outline: 'none',
            caretColor: shown ? undefined : 'transparent',
            // grows with what is typed, as a spreadsheet cell's editor does
            fieldSizing: 'content',
          } as React.CSSProperties
        }
      />
      {picking && bounds && options.length > 0 && (
        <Paper
          elevation={4}
          // a click on a choice must not take the focus from the text
          onMouseDown={(e) => e.preventDefault()}
          sx={{
            position: 'fixed',
            left: bounds.x,
            top: bounds.y + bounds.height,
            minWidth: Math.max(bounds.width, 220),
            zIndex: 6,
          }}
        >
          <MenuList dense role="listbox" aria-label={label} sx={{ maxHeight: 260, overflow: 'auto' }}>
            {options.map((option, i) => (
              <MenuItem
                key={`${String(option.id)}-${option.create ?? ''}`}
                role="option"
                selected={i === Math.min(highlight, options.length - 1)}
                aria-selected={i === Math.min(highlight, options.length - 1)}
                onClick={() => commit('none', option)}
                sx={option.create ? { fontStyle: 'italic', color: 'primary.main' } : undefined}
              >
                {option.label}
              </MenuItem>
            ))}
          </MenuList>
        </Paper>
      )}
    </>
  );
});
