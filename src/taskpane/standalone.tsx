/**
 * Entry of the standalone page (app.html): the same wizard on a file chosen in the browser, for classes
 * without Microsoft 365. No office.js, nothing loaded from outside the page's own origin.
 */
import { FluentProvider } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";
import type { Lang } from "../i18n/types";
import { App } from "./App";
import type { WorkbookPort } from "./ports/port";
import { fluentTheme, usePrefersDark } from "./theme";

/** The file port, loaded on demand: it pulls the .xlsx reader and writer. */
async function openFile(file: File): Promise<WorkbookPort> {
  const { openFilePort } = await import(/* webpackChunkName: "file-port" */ "./ports/filePort");
  return openFilePort(file);
}

/** The wizard in Fluent's light or dark theme, following the browser's preference as it changes. */
function StandalonePage({ lang }: { lang: Lang }) {
  const dark = usePrefersDark();
  return (
    <FluentProvider theme={fluentTheme(dark)} style={{ minHeight: "100vh", colorScheme: dark ? "dark" : "light" }}>
      <App openFile={openFile} initialLang={lang} />
    </FluentProvider>
  );
}

const container = document.getElementById("root");
if (container) {
  // The provider paints the whole page: no white browser margin around a dark theme.
  document.body.style.margin = "0";
  const lang: Lang = navigator.language.toLowerCase().startsWith("en") ? "en" : "fr";
  createRoot(container).render(<StandalonePage lang={lang} />);
}
