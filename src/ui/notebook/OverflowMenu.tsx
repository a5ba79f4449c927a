import { createSignal, createUniqueId, For, onCleanup } from 'solid-js';

/** One action of the toolbar; `fold` says below which width it leaves the toolbar for the menu. */
export interface ToolbarAction {
  label: string;
  title?: string;
  /** An accessible name other than the label (the toolbar's tests and screen readers use it). */
  name?: string;
  disabled?: () => boolean;
  /** For an on/off setting: whether it is on (a toggle button; a checkbox item in the menu). */
  pressed?: () => boolean;
  run: () => void;
  fold: 'narrow' | 'medium';
}

/**
 * "More": the toolbar actions that do not fit a narrow screen, as a menu button (the WAI-ARIA
 * menu button pattern): Enter, Space or ↓ opens it on the first item, ↑ on the last; ↑ ↓ Home
 * End move; Enter runs an item; Esc or Tab closes it and focus returns to the button. Which items
 * show is CSS's choice (the same `fold` classes hide the toolbar's own buttons), so the keys walk
 * only the items that are displayed.
 */
export function OverflowMenu(props: { actions: ToolbarAction[] }) {
  const [open, setOpen] = createSignal(false);
  const id = createUniqueId();
  let root!: HTMLDivElement;
  let button!: HTMLButtonElement;
  let menu!: HTMLDivElement;

  const items = () => [...menu.querySelectorAll<HTMLElement>('[role^="menuitem"]')].filter((item) => item.getClientRects().length > 0);
  const focusItem = (index: number) => {
    const shown = items();
    shown[(index + shown.length) % shown.length]?.focus();
  };
  const show = (at: 'first' | 'last') => {
    setOpen(true);
    focusItem(at === 'first' ? 0 : -1);
  };
  const close = (returnFocus: boolean) => {
    setOpen(false);
    if (returnFocus) button.focus();
  };
  // A press anywhere else closes the menu.
  const onDocumentPointer = (event: PointerEvent) => {
    if (open() && !root.contains(event.target as Node)) close(false);
  };
  document.addEventListener('pointerdown', onDocumentPointer);
  onCleanup(() => document.removeEventListener('pointerdown', onDocumentPointer));

  const onButtonKey = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      show(event.key === 'ArrowDown' ? 'first' : 'last');
    }
  };
  const onMenuKey = (event: KeyboardEvent) => {
    const shown = items();
    const at = shown.indexOf(document.activeElement as HTMLElement);
    const moves: Record<string, () => void> = {
      ArrowDown: () => focusItem(at + 1),
      ArrowUp: () => focusItem(at - 1),
      Home: () => focusItem(0),
      End: () => focusItem(-1),
      Escape: () => close(true),
    };
    if (event.key === 'Tab') close(false);
    const move = moves[event.key];
    if (move === undefined) return;
    event.preventDefault();
    move();
  };
  const choose = (action: ToolbarAction) => {
    if (action.disabled?.()) return;
    close(true);
    action.run();
  };

  return (
    <div class="overflow-menu" ref={root}>
      <button
        ref={button}
        type="button"
        class="button overflow-button"
        aria-haspopup="menu"
        aria-expanded={open()}
        aria-controls={id}
        aria-label="More actions"
        onClick={() => (open() ? close(false) : show('first'))}
        onKeyDown={onButtonKey}
      >
        More <span aria-hidden="true">▾</span>
      </button>
      <div ref={menu} id={id} role="menu" aria-label="More actions" class="overflow-items" hidden={!open()} onKeyDown={onMenuKey}>
        <For each={props.actions}>
          {(action) => (
            <button
              type="button"
              role={action.pressed ? 'menuitemcheckbox' : 'menuitem'}
              aria-checked={action.pressed?.()}
              tabIndex={-1}
              class={`overflow-item fold-${action.fold}`}
              title={action.title}
              aria-label={action.name}
              aria-disabled={action.disabled?.() ? 'true' : undefined}
              onClick={() => choose(action)}
            >
              {action.label}
            </button>
          )}
        </For>
      </div>
    </div>
  );
}
