import { catalogueActionsEn, catalogueFamiliesEn, catalogueTargetsEn, catalogueTextsEn } from "./en/catalogue";
import { fill } from "./format";
import {
  catalogueActionsFr,
  catalogueFamiliesFr,
  catalogueTargetsFr,
  catalogueTextsFr,
  type CatalogueActionId,
  type CatalogueFamilyId,
  type CatalogueTargetId,
  type CatalogueTextKey,
} from "./fr/catalogue";
import type { Lang, MessageParams } from "./types";

export type { CatalogueActionId, CatalogueFamilyId, CatalogueTargetId, CatalogueTextKey };

const actions = { fr: catalogueActionsFr, en: catalogueActionsEn } as const;
const families: Record<Lang, Readonly<Record<CatalogueFamilyId, string>>> = { fr: catalogueFamiliesFr, en: catalogueFamiliesEn };
const targets: Record<Lang, Readonly<Record<CatalogueTargetId, string>>> = { fr: catalogueTargetsFr, en: catalogueTargetsEn };
const texts: Record<Lang, Readonly<Record<CatalogueTextKey, string>>> = { fr: catalogueTextsFr, en: catalogueTextsEn };

/** The name of a catalogue action, as the drop-down lists show it. @example actionLabel("cross_selling") // "Cross selling" */
export function actionLabel(id: CatalogueActionId, lang: Lang = "fr"): string {
  return actions[lang][id].label;
}

/** The one-line description of a catalogue action. */
export function actionDescription(id: CatalogueActionId, lang: Lang = "fr"): string {
  return actions[lang][id].description;
}

/** The name of a family of actions. @example actionFamilyLabel("retention") // "Rétention" */
export function actionFamilyLabel(id: CatalogueFamilyId, lang: Lang = "fr"): string {
  return families[lang][id];
}

/** The name of a catalogue target. @example catalogueTargetLabel("leaving", "en") // "Leaving (at risk, hibernating, loss likely)" */
export function catalogueTargetLabel(id: CatalogueTargetId, lang: Lang = "fr"): string {
  return targets[lang][id];
}

/** A text of the Catalogue sheet or of the PAC's fidelity blocks, placeholders filled. */
export function catalogueText(key: CatalogueTextKey, lang: Lang = "fr", params?: MessageParams): string {
  return fill(texts[lang][key], params, lang);
}
