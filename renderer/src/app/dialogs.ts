// The open dialogs, topmost last. A modal <dialog> (showModal) puts itself in the browser's top
// layer and makes the rest of the page inert, so a banner in the page would sit dimmed under it
// and its buttons could not be tapped. The loud alerts (new orders, cancellations) are therefore
// rendered inside the topmost dialog's alert slot while one is open (App.tsx), and a button on
// them that leads elsewhere closes the dialogs first: each dialog's own close, so what it belongs
// to (a half-filled phone order) is kept.
import { Observable } from './observable.js';

interface OpenDialog {
  close: () => void;
  slot: HTMLElement | null;
}

export class DialogStack {
  private readonly open: OpenDialog[] = [];
  /** The topmost dialog's alert slot, null while no dialog is open. */
  readonly slot = new Observable<HTMLElement | null>(null);

  /** A dialog opened; the handle sets its slot once rendered and removes it when it closes. */
  push(close: () => void): { setSlot(el: HTMLElement | null): void; remove(): void } {
    const entry: OpenDialog = { close, slot: null };
    this.open.push(entry);
    return {
      setSlot: (el) => {
        entry.slot = el;
        this.changed();
      },
      remove: () => {
        const at = this.open.indexOf(entry);
        if (at >= 0) this.open.splice(at, 1);
        this.changed();
      },
    };
  }

  /** Closes every open dialog, topmost first, the way its own close button would. */
  closeAll(): void {
    for (const entry of [...this.open].reverse()) entry.close();
  }

  private changed(): void {
    this.slot.set(this.open.at(-1)?.slot ?? null);
  }
}

export const dialogs = new DialogStack();
