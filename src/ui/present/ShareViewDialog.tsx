import { createMemo, onMount, Show } from 'solid-js';
import { renderSVG } from 'uqr';
import { notify } from '../app/notices.tsx';

/**
 * The link to this view and its QR code, large enough to scan from the back of a room. A link
 * too long for a QR code (a notebook not of this site travels whole) says so and keeps the link.
 */
export function ShareViewDialog(props: { url: string; onClose(): void }) {
  let dialog!: HTMLDialogElement;
  const qr = createMemo(() => {
    try {
      return { svg: renderSVG(props.url, { ecc: 'L', border: 2 }) };
    } catch {
      return { problem: `This link is ${props.url.length} characters long, more than a QR code holds: share the link itself.` };
    }
  });
  onMount(() => dialog.showModal());
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(props.url);
      notify('Link copied to the clipboard.');
    } catch {
      notify('Select the link and copy it.');
    }
  };
  return (
    <dialog ref={dialog} class="share-view" aria-label="Share this view" onClose={() => props.onClose()} onKeyDown={(event) => event.stopPropagation()}>
      <h2>Share this view</h2>
      <p>Opens this notebook at this slide, with these control values and edits.</p>
      <Show when={qr().svg} fallback={<p class="share-view-problem">{qr().problem}</p>}>
        {(svg) => <div class="share-view-qr" role="img" aria-label="QR code of the link" innerHTML={svg()} />}
      </Show>
      <div class="share-view-link">
        <input type="text" readOnly value={props.url} aria-label="Link to this view" data-testid="share-view-link" onFocus={(event) => event.currentTarget.select()} />
        <button type="button" class="button" onClick={() => void copy()}>
          Copy
        </button>
        <button type="button" class="button" onClick={() => dialog.close()}>
          Close
        </button>
      </div>
    </dialog>
  );
}
