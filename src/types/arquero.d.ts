// The browser build of arquero (a UMD bundle) reaches the page as one default export.
declare module "arquero/dist/arquero.js" {
  import * as aq from "arquero";
  export default aq;
}
