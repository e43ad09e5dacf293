package cn.henan.skills.tabular;

/**
 * A column an importer expects, implemented by an enum of the table's columns. A header cell means the column when,
 * after {@link Names#normalize}, it equals {@link #english()} or {@link #matchesHeading} accepts it; the enum's order
 * decides between two columns that would both accept a heading, so each heading should match one column only.
 */
public interface TableColumn {

  ColumnSpec spec();

  /** The header of the shared CSV, lower case, e.g. {@code training_quota}. */
  default String english() {
    return spec().english();
  }

  /** The Chinese heading the official table gives the column, shown when the column is missing or unknown. */
  default String heading() {
    return spec().heading();
  }

  /** A short name for the quantity, used inside messages. */
  default String label() {
    return spec().label();
  }

  /** Whether the file must have this column. */
  default boolean required() {
    return spec().required();
  }

  /** @param normalized a header cell after {@link Names#normalize} */
  default boolean matchesHeading(String normalized) {
    return spec().matches().test(normalized);
  }
}
