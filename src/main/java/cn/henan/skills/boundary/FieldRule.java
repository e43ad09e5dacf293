package cn.henan.skills.boundary;

/**
 * What a form field accepts, read from the form itself: a bounded number ({@link NumberField}), text of a bounded
 * length ({@link TextField}), one of the listed choices ({@link ChoiceField}). Checked by the trust boundary before a
 * value is written or expanded; the sentence names the field by its label and never echoes the value.
 */
public sealed interface FieldRule permits NumberField, TextField, ChoiceField {
  /** Null when {@code sent} fits (or is empty: the step's own rules say what must be filled), else the refusal. */
  String refusal(Object sent);
}
