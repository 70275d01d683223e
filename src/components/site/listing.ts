/**
 * A code listing with a copy button, and a button that downloads a file made
 * on demand. Both work from the keyboard and say what they did.
 */
import {html} from "htl";

export function codeListing(code: string, options: {label: string; language?: string}): HTMLElement {
  const status =
    html`<span class="listing-status" role="status" aria-live="polite"></span>` as HTMLSpanElement;
  const button =
    html`<button type="button" class="listing-copy" aria-label=${`Copy ${options.label}`}>Copy</button>` as HTMLButtonElement;
  const pre =
    html`<pre class="listing" tabindex="0" aria-label=${options.label}><code class=${`language-${options.language ?? "text"}`}>${code}</code></pre>` as HTMLPreElement;
  button.onclick = async () => {
    try {
      await navigator.clipboard.writeText(code);
      status.textContent = "copied";
    } catch {
      // Clipboard refused (permissions, insecure context): select the text for a manual copy.
      const range = document.createRange();
      range.selectNodeContents(pre);
      getSelection()?.removeAllRanges();
      getSelection()?.addRange(range);
      status.textContent = "selected: press Ctrl+C to copy";
    }
    setTimeout(() => (status.textContent = ""), 2500);
  };
  return html`<figure class="listing-figure">
    <figcaption><span>${options.label}</span> ${button} ${status}</figcaption>
    ${pre}
  </figure>` as HTMLElement;
}

/** Hands a blob to the browser as a file download. */
export function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function downloadButton(label: string, filename: string, make: () => Blob): HTMLButtonElement {
  const button = html`<button type="button" class="download">${label}</button>` as HTMLButtonElement;
  button.onclick = () => saveBlob(make(), filename);
  return button;
}

export function jsonBlob(value: unknown): Blob {
  return new Blob([JSON.stringify(value)], {type: "application/json"});
}

export function csvBlob(rows: readonly Record<string, unknown>[]): Blob {
  const columns = Object.keys(rows[0] ?? {});
  const cell = (v: unknown) => {
    const text = v === null || v === undefined ? "" : String(v);
    return /[",\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
  };
  const lines = [columns.join(","), ...rows.map((r) => columns.map((c) => cell(r[c])).join(","))];
  return new Blob([`${lines.join("\n")}\n`], {type: "text/csv"});
}

/** A row of data-download buttons, shown under the figures whose data they are. */
export function dataDownloads(
  items: readonly {label: string; filename: string; make: () => Blob}[]
): HTMLElement {
  return html`<p class="data-downloads"><span>Data:</span> ${items.map((i) => downloadButton(i.label, i.filename, i.make))}</p>` as HTMLElement;
}
