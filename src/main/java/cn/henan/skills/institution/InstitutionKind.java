package cn.henan.skills.institution;

import cn.henan.skills.platform.Refusal;
import java.util.Arrays;
import java.util.stream.Collectors;

/** The four kinds of evaluation institution of Attachment 2 (教办职成〔2022〕50号), in the form's order. */
public enum InstitutionKind {
  COLLEGE_LEVEL("院校类职业技能等级认定机构"),
  APPRAISAL("职业技能考核鉴定机构"),
  SOCIAL("面向社会人员的职业技能等级评价机构"),
  SPECIAL("专项职业能力考核机构");

  private final String chinese;

  InstitutionKind(String chinese) {
    this.chinese = chinese;
  }

  public String chinese() {
    return chinese;
  }

  /** The kind a form sent (its code); anything else is refused with the four choices. */
  static InstitutionKind of(Object value) {
    String code = value == null ? "" : value.toString().trim();
    return Arrays.stream(values()).filter(k -> k.name().equals(code)).findFirst()
        .orElseThrow(() -> new Refusal("“机构类别”只能选择" + Arrays.stream(values())
            .map(k -> "“" + k.chinese + "”").collect(Collectors.joining("、")) + "之一。"));
  }
}
