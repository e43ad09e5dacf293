package cn.henan.skills.pdf;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The notice that hands out a year's quotas, with its Attachment 1.
 *
 * @param year the year the notice is about; Attachment 1's title says it
 * @param documentNumber 文号, e.g. 教办职成〔2022〕50号
 * @param body the text province-edu entered; one paragraph per line
 * @param rows Attachment 1, one row per unit in the order of the table
 */
public record NoticePdfData(int year, String title, String documentNumber, String body, LocalDate issuedOn, List<Row> rows) {

  /**
   * One unit's quota.
   *
   * @param advanced null where the unit has no advanced-worker requirement (—— in the table)
   * @param onePlusX null where the unit has no 1+X task
   */
  public record Row(int seq, String unitName, int training, int certification, Integer advanced,
      Integer onePlusX) {
    public Row {
      Objects.requireNonNull(unitName, "unitName");
    }
  }

  public NoticePdfData {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(documentNumber, "documentNumber");
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(issuedOn, "issuedOn");
    rows = List.copyOf(rows);
  }
}
