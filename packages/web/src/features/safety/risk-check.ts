// The risk check on the phone. The full check (the lexicon and the word weights, about 650 KB) is a
// chunk of its own, loaded once a conversation opens and kept by the service worker for no signal;
// until it has loaded, or if it cannot, the lexicon in the app itself reads the message.
import { checkRiskByLexicon, type RiskResult } from '@fellwatch/core';

type FullCheck = (text: string) => RiskResult;

let full: FullCheck | null = null;
let loading: Promise<void> | null = null;

/** Starts loading the full check, once; a failed load is tried again on the next call. */
export function loadRiskCheck(): Promise<void> {
  loading ??= import('@fellwatch/core/risk-check').then(
    (module) => {
      full = module.checkRisk;
    },
    () => {
      loading = null;
    },
  );
  return loading;
}

/** Whether a message may mean someone is at risk now, with the best check the phone has. */
export function readsAsRisk(text: string): boolean {
  if (text.trim().length === 0) return false;
  return (full ?? checkRiskByLexicon)(text).atRisk;
}
