import type { PagesKey } from "../fr/pages";

/** English version of the texts of the two pages (same keys and placeholders as the French catalogue). */
export const pagesEn: Record<PagesKey, string> = {
  "addin.officeMissing.title": "Microsoft's office.js library could not be loaded",
  "addin.officeMissing.body":
    "The PAC Commercial add-in needs office.js, which Microsoft serves from appsforoffice.microsoft.com. That site did not answer (no connection, or a firewall or proxy filtering it). Check access to appsforoffice.microsoft.com, then close and reopen the pane.",
  "addin.officeSilent.title": "Excel does not answer the add-in",
  "addin.officeSilent.body":
    "office.js is loaded, but Excel did not say it was ready after {seconds} seconds. Close and reopen the pane; if that does not help, reload the workbook.",
  "addin.outsideOffice.title": "This page is the Excel add-in's",
  "addin.outsideOffice.body": "It only works in Excel, where the PAC Commercial button of the Home tab opens it.",
  "addin.standalone": "Without Excel, the wizard also runs in a browser, on an .xlsx or .csv file: ",
  "addin.standaloneLink": "open the wizard in the browser",
};
