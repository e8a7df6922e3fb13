import "./forms.css";

/**
 * The refusal next to the field it concerns. The field points to it with aria-describedby and
 * aria-invalid (see fieldErrorProps), so a screen reader reads it with the field.
 */
export function FieldError({ id, message }: { id: string; message: string | undefined }) {
  if (!message) return null;
  return (
    <p id={id} className="error-text field-error">
      {message}
    </p>
  );
}

/** What a field carries while an error concerns it. */
export function fieldErrorProps(id: string, message: string | undefined) {
  return message ? { "aria-invalid": true as const, "aria-describedby": id } : {};
}
