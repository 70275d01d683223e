/**
 * The reader's controls, built from declarative field lists
 * (core/settings/fields.ts), in one import: the URL (url.ts), one control per
 * field (field-control.ts), the settings form of a page that retrains
 * (settings-form.ts) and controls that change only the view (view-input.ts).
 */
export {settingsFromUrl, writeUrl} from "./url.js";
export {DEBOUNCE_MS, fieldControl} from "./field-control.js";
export type {FieldControl} from "./field-control.js";
export {revealIfLinked, settingsForm} from "./settings-form.js";
export type {Settings, SettingsForm, SettingsFormOptions} from "./settings-form.js";
export {switchInput, viewInput} from "./view-input.js";
export type {EnumField, ViewInput, ViewInputOptions} from "./view-input.js";
