/**
 * Choosing recipients: a combobox (ARIA 1.2, list autocomplete) that suggests users and send lists
 * as the user types, and the chosen ones as a list with a remove button each. Keyboard: arrows move
 * among the suggestions, Enter chooses, Escape closes; focus stays in the text box throughout.
 */
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { isApiError } from '../../api/client.ts';
import type { Recipient } from '../../api/messageDraft.ts';
import { Field } from '../../components/Field.tsx';
import { fetchRecipients } from './messages.api.ts';
import './messages.css';

export type { Recipient } from '../../api/messageDraft.ts';

interface RecipientPickerProps {
  label: string;
  selected: readonly Recipient[];
  onSelect: (recipient: Recipient) => void;
  onRemove?: (recipient: Recipient) => void;
  /** Offer send lists as well as users. */
  includesSendLists?: boolean;
  error?: string | undefined;
  hint?: string;
  required?: boolean;
  /** Hide the chosen list (and its announcements), e.g. when the page shows the choice elsewhere. */
  hidesSelected?: boolean;
}

const MIN_LENGTH = 2;
const DELAY_MS = 200;

export function RecipientPicker({
  label,
  selected,
  onSelect,
  onRemove,
  includesSendLists = true,
  error,
  hint,
  required,
  hidesSelected,
}: RecipientPickerProps) {
  const baseId = useId();
  const listId = `${baseId}-listbox`;
  const input = useRef<HTMLInputElement>(null);
  const [text, setText] = useState('');
  const [options, setOptions] = useState<Recipient[]>([]);
  const [isOpen, setIsOpen] = useState(false);
  const [activeIndex, setActiveIndex] = useState(-1);
  const [announcement, setAnnouncement] = useState('');
  const [loadError, setLoadError] = useState<string | null>(null);
  const selectedKeys = new Set(selected.map((recipient) => `${recipient.kind}:${recipient.id}`));

  // biome-ignore lint/correctness/useExhaustiveDependencies: selectedKeys is derived from `selected` (listed); its identity changes every render
  useEffect(() => {
    const q = text.trim();
    if (q.length < MIN_LENGTH) {
      setOptions([]);
      setIsOpen(false);
      return undefined;
    }
    const controller = new AbortController();
    // Wait until typing pauses, so every key press does not become a request.
    const timer = setTimeout(() => {
      fetchRecipients(q, controller.signal)
        .then((found) => {
          const next: Recipient[] = [
            ...(includesSendLists
              ? found.sendLists.map(
                  (list): Recipient => ({
                    kind: 'sendList',
                    id: list.id,
                    label: list.name,
                    detail: `Sändlista, ${list.unitName}, ${list.memberCount} ${list.memberCount === 1 ? 'medlem' : 'medlemmar'}`,
                  }),
                )
              : []),
            ...found.users.map(
              (user): Recipient => ({ kind: 'user', id: user.id, label: user.displayName, detail: user.description }),
            ),
          ].filter((recipient) => !selectedKeys.has(`${recipient.kind}:${recipient.id}`));
          setLoadError(null);
          setOptions(next);
          setActiveIndex(-1);
          setIsOpen(true);
          setAnnouncement(
            next.length === 0
              ? 'Inga träffar.'
              : `${next.length} förslag. Välj med pil upp och pil ned och tryck Enter.`,
          );
        })
        .catch((failure: unknown) => {
          if (failure instanceof DOMException && failure.name === 'AbortError') return;
          setLoadError(isApiError(failure) ? failure.message : 'Förslagen kunde inte hämtas.');
        });
    }, DELAY_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
    // selectedKeys is derived from `selected`; its identity changes every render.
  }, [text, includesSendLists, selected]);

  const choose = (recipient: Recipient) => {
    onSelect(recipient);
    setText('');
    setOptions([]);
    setIsOpen(false);
    setActiveIndex(-1);
    // Where the choice is not listed here, the page says what came of it.
    if (!hidesSelected) setAnnouncement(`${recipient.label} har lagts till.`);
    input.current?.focus();
  };

  const remove = (recipient: Recipient) => {
    onRemove?.(recipient);
    setAnnouncement(`${recipient.label} har tagits bort.`);
    input.current?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (options.length === 0) return;
      event.preventDefault();
      setIsOpen(true);
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActiveIndex((current) => (current + step + options.length) % options.length);
    } else if (event.key === 'Enter') {
      // Enter chooses a suggestion; with none marked it must not submit the form half-filled.
      if (isOpen && activeIndex >= 0 && options[activeIndex]) {
        event.preventDefault();
        choose(options[activeIndex]);
      } else if (text.trim() !== '') {
        event.preventDefault();
      }
    } else if (event.key === 'Escape') {
      if (isOpen) {
        event.preventDefault();
        setIsOpen(false);
        setActiveIndex(-1);
      } else if (text) {
        setText('');
      }
    }
  };

  const optionId = (index: number) => `${baseId}-option-${index}`;
  const isListShown = isOpen && text.trim().length >= MIN_LENGTH;
  return (
    <div className="recipient-picker">
      {!hidesSelected && selected.length > 0 && (
        <ul className="recipient-picker__chosen" aria-label={`Valda: ${label.toLowerCase()}`}>
          {selected.map((recipient) => (
            <li key={`${recipient.kind}:${recipient.id}`} className="recipient-chip">
              <span>
                {recipient.label}
                {recipient.kind === 'sendList' && <span className="recipient-chip__kind"> (sändlista)</span>}
              </span>
              {onRemove && (
                <button
                  type="button"
                  className="recipient-chip__remove"
                  onClick={() => remove(recipient)}
                  aria-label={`Ta bort ${recipient.label}`}
                >
                  <span aria-hidden="true">×</span>
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <Field
        label={label}
        error={error ?? loadError ?? undefined}
        hint={hint ?? `Skriv minst ${MIN_LENGTH} tecken av ett namn${includesSendLists ? ' eller en sändlista' : ''}.`}
        required={required ?? false}
      >
        {(control) => (
          <div className="combobox">
            <input
              {...control}
              ref={input}
              type="text"
              className="input"
              role="combobox"
              autoComplete="off"
              spellCheck={false}
              aria-expanded={isListShown}
              aria-controls={listId}
              aria-autocomplete="list"
              aria-activedescendant={isListShown && activeIndex >= 0 ? optionId(activeIndex) : undefined}
              value={text}
              onChange={(event) => setText(event.target.value)}
              onKeyDown={onKeyDown}
              onBlur={() => setIsOpen(false)}
              onFocus={() => {
                if (options.length > 0) setIsOpen(true);
              }}
            />
            <ul
              id={listId}
              // biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: the WAI-ARIA combobox's list of options
              role="listbox"
              aria-label={`Förslag: ${label.toLowerCase()}`}
              className="combobox__list"
              hidden={!isListShown || options.length === 0}
            >
              {options.map((option, index) => (
                // biome-ignore lint/a11y/useKeyWithClickEvents: keys stay in the text box, which moves aria-activedescendant (the combobox pattern)
                // biome-ignore lint/a11y/useFocusableInteractive: focus stays in the text box; an option is never focused itself
                <li
                  key={`${option.kind}:${option.id}`}
                  id={optionId(index)}
                  // biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: the WAI-ARIA combobox's options
                  role="option"
                  aria-selected={index === activeIndex}
                  className={index === activeIndex ? 'combobox__option combobox__option--active' : 'combobox__option'}
                  // Keep focus in the text box: choosing must not blur it first.
                  onMouseDown={(event) => event.preventDefault()}
                  onClick={() => choose(option)}
                >
                  <span className="combobox__label">{option.label}</span>
                  <span className="combobox__detail">{option.detail}</span>
                </li>
              ))}
            </ul>
          </div>
        )}
      </Field>
      <p role="status" className="visually-hidden">
        {announcement}
      </p>
    </div>
  );
}
