// htl 0.3 ships no type declarations; this is the part the project uses.
declare module "htl" {
  type Template = (
    strings: TemplateStringsArray,
    ...values: unknown[]
  ) => HTMLElement | SVGElement | DocumentFragment | Node;
  export const html: Template;
  export const svg: Template;
}
