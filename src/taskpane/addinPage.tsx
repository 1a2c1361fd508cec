/**
 * The add-in page (taskpane.html, the page the manifest names): office.js comes from Microsoft's CDN, so the
 * page must say something useful when it does not arrive (network filtered), when Excel never says it is
 * ready, or when someone opens the page in a plain browser. The standalone browser app is app.html.
 */
import { Body1, FluentProvider, Link, MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";
import { pageText } from "../i18n/pages";
import type { Lang } from "../i18n/types";
import { App } from "./App";
import { createExcelPort } from "./ports/excelPort";
import { fluentTheme, officeIsDark, type OfficeThemeLike } from "./theme";

/** The part of office.js the page uses before the wizard starts. */
export interface OfficeLike {
  onReady(): Promise<{ host: unknown }>;
  readonly context?: { readonly displayLanguage?: string; readonly officeTheme?: OfficeThemeLike };
}

export type AddinPageState = "excel" | "officeMissing" | "officeSilent" | "outsideOffice";

export interface AddinPageOptions {
  readonly container: HTMLElement;
  /** office.js as loaded; default the global `Office`, undefined when the CDN script did not load. */
  readonly office?: OfficeLike;
  /** How long to wait for `Office.onReady` before saying Excel does not answer. Default 20 s. */
  readonly timeoutMs?: number;
  /** Address of the standalone page, relative to this one. */
  readonly appUrl?: string;
  /** Language of the messages when Office cannot tell (default: the browser's). */
  readonly browserLanguage?: string;
}

export const DEFAULT_OFFICE_TIMEOUT_MS = 20_000;

function langOf(tag: string | undefined): Lang {
  return tag?.toLowerCase().startsWith("en") ? "en" : "fr";
}

function globalOffice(): OfficeLike | undefined {
  return typeof Office === "undefined" ? undefined : (Office as unknown as OfficeLike);
}

interface PageMessageProps {
  readonly state: Exclude<AddinPageState, "excel">;
  readonly lang: Lang;
  readonly appUrl: string;
  readonly timeoutMs: number;
}

function PageMessage({ state, lang, appUrl, timeoutMs }: PageMessageProps) {
  return (
    <main lang={lang} style={{ padding: "1rem", maxWidth: "40rem" }}>
      <MessageBar intent={state === "outsideOffice" ? "info" : "error"} layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{pageText(`addin.${state}.title`, lang)}</MessageBarTitle>{" "}
          {pageText(`addin.${state}.body`, lang, { seconds: Math.round(timeoutMs / 1000) })}
        </MessageBarBody>
      </MessageBar>
      <Body1 block style={{ marginTop: "1rem" }}>
        {pageText("addin.standalone", lang)}
        <Link href={appUrl}>{pageText("addin.standaloneLink", lang)}</Link>.
      </Body1>
    </main>
  );
}

/**
 * Starts the add-in page: the wizard on Excel's workbook once Office is ready, or a message saying why not.
 * Resolves with what it showed.
 */
export async function startAddinPage(options: AddinPageOptions): Promise<AddinPageState> {
  const { container, timeoutMs = DEFAULT_OFFICE_TIMEOUT_MS, appUrl = "app.html" } = options;
  const office = "office" in options ? options.office : globalOffice();
  const browserLang = langOf(options.browserLanguage ?? (typeof navigator === "undefined" ? undefined : navigator.language));
  const root = createRoot(container);
  // Office's theme (Black and Dark Gray are dark) once Office is ready; the browser's preference before that.
  const browserDark = typeof window !== "undefined" && typeof window.matchMedia === "function" && window.matchMedia("(prefers-color-scheme: dark)").matches;
  let theme = fluentTheme(browserDark);
  const show = (state: Exclude<AddinPageState, "excel">, lang: Lang): AddinPageState => {
    root.render(
      <FluentProvider theme={theme} style={{ minHeight: "100vh" }}>
        <PageMessage state={state} lang={lang} appUrl={appUrl} timeoutMs={timeoutMs} />
      </FluentProvider>,
    );
    return state;
  };

  if (!office || typeof office.onReady !== "function") return show("officeMissing", browserLang);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const silence = new Promise<"silent">((resolve) => {
    timer = setTimeout(() => resolve("silent"), timeoutMs);
  });
  let info: { host: unknown } | "silent";
  try {
    info = await Promise.race([office.onReady(), silence]);
  } catch {
    info = "silent";
  } finally {
    clearTimeout(timer);
  }
  if (info === "silent") return show("officeSilent", browserLang);
  const lang = langOf(office.context?.displayLanguage ?? options.browserLanguage);
  if (info.host === null || info.host === undefined) return show("outsideOffice", browserLang);
  theme = fluentTheme(officeIsDark(office.context?.officeTheme));
  if (typeof document !== "undefined") document.body.style.margin = "0";
  root.render(
    <FluentProvider theme={theme} style={{ minHeight: "100vh" }}>
      <App port={createExcelPort({ lang })} initialLang={lang} />
    </FluentProvider>,
  );
  return "excel";
}
