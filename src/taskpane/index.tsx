/** Entry of the add-in page (taskpane.html): office.js from Microsoft's CDN, then the wizard on Excel's workbook. */
import { startAddinPage } from "./addinPage";

const container = document.getElementById("root");
if (container) void startAddinPage({ container });
