import {
  Body1,
  Caption1,
  makeStyles,
  Radio,
  RadioGroup,
  Subtitle2,
  Title3,
  tokens,
  type RadioGroupOnChangeData,
} from "@fluentui/react-components";
import { useState } from "react";
import { t, type Lang, type UiKey } from "../i18n";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
  },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

export interface AppProps {
  /** True inside Excel; false when the page runs alone in a browser (standalone mode). */
  readonly inExcel: boolean;
  readonly initialLang?: Lang;
}

const FUNCTIONS: readonly { name: string; key: UiKey }[] = [{ name: "PAC.ABC", key: "fn.ABC" }];

export function App({ inExcel, initialLang = "fr" }: AppProps) {
  const styles = useStyles();
  const [lang, setLang] = useState<Lang>(initialLang);
  const onLang = (_: unknown, data: RadioGroupOnChangeData) => setLang(data.value === "en" ? "en" : "fr");
  return (
    <main className={styles.root} lang={lang}>
      <Title3 as="h1">{t("app.title", lang)}</Title3>
      <Body1>{t("app.subtitle", lang)}</Body1>
      <Caption1>{t(inExcel ? "app.inExcel" : "app.standalone", lang)}</Caption1>
      <Subtitle2 as="h2">{t("app.functionsTitle", lang)}</Subtitle2>
      <ul className={styles.list}>
        {FUNCTIONS.map((f) => (
          <li key={f.name}>
            <Body1>
              <strong>{f.name}</strong> — {t(f.key, lang)}
            </Body1>
          </li>
        ))}
      </ul>
      <Caption1>{t("app.functionsHint", lang)}</Caption1>
      <Caption1>{t("app.privacy", lang)}</Caption1>
      <RadioGroup aria-label={t("app.language", lang)} value={lang} onChange={onLang} layout="horizontal">
        <Radio value="fr" label="Français" />
        <Radio value="en" label="English" />
      </RadioGroup>
    </main>
  );
}
