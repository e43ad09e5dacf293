package cn.henan.skills.report;

import cn.henan.skills.institution.InstitutionKind;
import cn.henan.skills.pdf.ReportPdfData;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The first section of Attachment 2, per kind of evaluation institution in the order of {@link InstitutionKind}:
 * those filed in this system (counted, not typed) and those the unit declares without having filed them here
 * (未备案, for the reviewer to check). The form states their sum.
 */
public record InstitutionCounts(List<Integer> filed, List<Integer> notFiled) {
  public InstitutionCounts {
    filed = List.copyOf(filed);
    notFiled = List.copyOf(notFiled);
  }

  /** The filed counts as {@code Institutions.filedCounts} answers them, in the form's order. */
  static List<Integer> inOrder(Map<InstitutionKind, Integer> byKind) {
    List<Integer> counts = new ArrayList<>();
    for (InstitutionKind kind : InstitutionKind.values()) {
      counts.add(byKind.getOrDefault(kind, 0));
    }
    return counts;
  }

  public int total(int kind) {
    return filed.get(kind) + notFiled.get(kind);
  }

  public boolean anyNotFiled() {
    return notFiled.stream().anyMatch(count -> count > 0);
  }

  /** "院校类职业技能等级认定机构 3 个（其中未备案 1 个）；…" */
  String describe() {
    List<String> parts = new ArrayList<>();
    for (InstitutionKind kind : InstitutionKind.values()) {
      int i = kind.ordinal();
      parts.add(kind.chinese() + " " + total(i) + " 个" + (notFiled.get(i) > 0 ? "（其中未备案 " + notFiled.get(i)
          + " 个）" : ""));
    }
    return String.join("；", parts);
  }

  ReportPdfData.Institutions forPdf() {
    return new ReportPdfData.Institutions(total(0), total(1), total(2), total(3), notFiled);
  }
}
