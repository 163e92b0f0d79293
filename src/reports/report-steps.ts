/**
 * The questions of a progress report, in order. `results_number` is asked only when the results name no
 * figure at all (once; "lewati" passes it); `confirm` is the summary waiting to be sent.
 */
export const REPORT_STEPS = [
  'progress',
  'activities',
  'results',
  'results_number',
  'obstacles',
  'next_steps',
  'evidence',
  'confirm',
] as const;
export type ReportStep = (typeof REPORT_STEPS)[number];

/** The steps a person can go back to or change from the summary (the figure belongs to the results). */
export const EDITABLE_STEPS = [
  'progress',
  'activities',
  'results',
  'obstacles',
  'next_steps',
  'evidence',
] as const satisfies readonly ReportStep[];

/** The report column each text step fills. */
export const STEP_FIELD = {
  activities: 'activities',
  results: 'results',
  obstacles: 'obstacles',
  next_steps: 'nextSteps',
} as const satisfies Partial<Record<ReportStep, string>>;

export function isReportStep(value: string | null | undefined): value is ReportStep {
  return (REPORT_STEPS as readonly (string | null | undefined)[]).includes(value);
}

/** The step after `step` in the usual order (the figure question is entered only on demand). */
export function nextStep(step: ReportStep): ReportStep {
  if (step === 'results' || step === 'results_number') return 'obstacles';
  const i = REPORT_STEPS.indexOf(step);
  return REPORT_STEPS[Math.min(i + 1, REPORT_STEPS.length - 1)]!;
}

/** The step "kembali" returns to; undefined on the first question. */
export function previousStep(step: ReportStep): ReportStep | undefined {
  if (step === 'results_number' || step === 'obstacles') return 'results';
  const i = REPORT_STEPS.indexOf(step);
  return i > 0 ? REPORT_STEPS[i - 1] : undefined;
}
