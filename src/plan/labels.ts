import { PR_TARGETS, type PrTarget } from "../engine/penetration";
import { RFM_SEGMENTS, type RfmSegment } from "../engine/rfm";
import type { LabelKey } from "../i18n";

/** The P-R targets in the engine's code order (`PenetrationColumns.target` indexes it). */
export { PR_TARGETS };

// Built once: the sheets look a label key up per client row, and a fresh `pr.target.${t}` string costs a hash.
const TARGET_KEYS = Object.fromEntries(PR_TARGETS.map((t) => [t, `pr.target.${t}`])) as Record<PrTarget, LabelKey>;
const SEGMENT_KEYS = Object.fromEntries(RFM_SEGMENTS.map((s) => [s, `rfm.segment.${s}`])) as Record<RfmSegment, LabelKey>;

/** The label key of a P-R target ("Développer", "Entretenir", "Sécuriser"). */
export function targetLabelKey(target: PrTarget): LabelKey {
  return TARGET_KEYS[target] ?? `pr.target.${target}`;
}

/** The label key of an RFM segment ("Champions"…). */
export function segmentLabelKey(segment: RfmSegment): LabelKey {
  return SEGMENT_KEYS[segment] ?? `rfm.segment.${segment}`;
}
