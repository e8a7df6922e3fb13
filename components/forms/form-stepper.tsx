import { formatMessage } from "@/lib/i18n/format-message";

/**
 * The state design system's stepper for a form in several steps: where the person is, out of how
 * many, and what comes next. The DSFR markup, with a heading level of the caller's choice
 * (react-dsfr's Stepper always writes an h2, and spells "Step 1 over 3" in English).
 */
export function FormStepper(props: {
  steps: string[];
  /** 1-based. */
  current: number;
  labels: { progress: string; next: string };
  headingLevel?: 2 | 3 | 4;
}) {
  const Heading = `h${props.headingLevel ?? 3}` as const;
  const next = props.steps[props.current];
  return (
    <div className="fr-stepper">
      <Heading className="fr-stepper__title">
        {props.steps[props.current - 1]}{" "}
        <span className="fr-stepper__state">
          {formatMessage(props.labels.progress, { current: props.current, steps: props.steps.length })}
        </span>
      </Heading>
      <div
        className="fr-stepper__steps"
        data-fr-current-step={props.current}
        data-fr-steps={props.steps.length}
        aria-hidden="true"
      />
      {next && (
        <p className="fr-stepper__details">
          <span className="fr-text--bold">{props.labels.next}</span> {next}
        </p>
      )}
    </div>
  );
}
