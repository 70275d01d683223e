/**
 * A file picker that is also a drop zone. Its value is the last file that
 * `read` accepted; a file it refuses (by throwing) leaves the value as it was
 * and shows the reason in the zone, where the reader is looking. The file is
 * read in the page: nothing is sent anywhere. Use with Observable's `view()`.
 */
import {html} from "htl";

export interface FileDropOptions<T> {
  /** The visible label of the picker. */
  readonly label: string;
  /** One line under the label (which formats, what happens). */
  readonly hint: string;
  /** Turns a file's bytes into the value, or throws an Error whose message the reader sees. */
  readonly read: (name: string, bytes: Uint8Array) => T;
  /** Refuses a file by its size before reading it (throws like `read`). */
  readonly checkSize?: (size: number) => void;
  /** The value before any file is dropped. */
  readonly initial?: T;
  /** What the status line says about an accepted file. */
  readonly describe?: (name: string, value: T) => string;
}

/** The value is null until a file is accepted (Observable's view() waits forever on undefined). */
export type FileDrop<T> = HTMLElement & {value: T | null};

let count = 0;

export function fileDrop<T>(options: FileDropOptions<T>): FileDrop<T> {
  const id = `file-drop-${++count}`;
  const input = html`<input type="file" id=${id} class="file-drop-input">` as HTMLInputElement;
  const status =
    html`<p class="file-drop-status" role="status" aria-live="polite"></p>` as HTMLParagraphElement;
  const error = html`<p class="file-drop-error" role="alert" hidden></p>` as HTMLParagraphElement;
  const zone = html`<div class="file-drop">
    <label for=${id}><strong>${options.label}</strong></label>
    ${input}
    <p class="file-drop-hint">${options.hint}</p>
    ${status}${error}
  </div>` as FileDrop<T>;
  zone.value = options.initial ?? null;

  const refuse = (name: string, message: string) => {
    error.hidden = false;
    error.textContent = `${name}: ${message}${zone.value === null ? "" : " The model shown below is still the previous one."}`;
  };
  const take = async (file: File) => {
    try {
      options.checkSize?.(file.size);
      const value = options.read(file.name, new Uint8Array(await file.arrayBuffer()));
      zone.value = value;
      error.hidden = true;
      error.textContent = "";
      status.textContent = options.describe ? options.describe(file.name, value) : `Read ${file.name}.`;
      zone.dispatchEvent(new Event("input", {bubbles: true}));
    } catch (e) {
      refuse(file.name, (e as Error).message);
    }
  };
  input.addEventListener("change", () => {
    const file = input.files?.[0];
    if (file) void take(file);
    input.value = "";
  });
  // The input's own "input" event must not reach view() with the input's value.
  input.addEventListener("input", (e) => e.stopPropagation());
  zone.addEventListener("dragover", (e) => {
    e.preventDefault();
    zone.classList.add("file-drop-over");
  });
  zone.addEventListener("dragleave", () => zone.classList.remove("file-drop-over"));
  zone.addEventListener("drop", (e) => {
    e.preventDefault();
    zone.classList.remove("file-drop-over");
    const file = e.dataTransfer?.files[0];
    if (file) void take(file);
  });
  return zone;
}
