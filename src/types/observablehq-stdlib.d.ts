// Framework's standard library as a local module imports it (only what the modules use).
declare module "observablehq:stdlib" {
  export function FileAttachment(name: string): {readonly name: string; readonly href: string};
}
