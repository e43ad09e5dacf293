package cn.henan.skills.unit;

import java.util.Arrays;
import java.util.Optional;

/** The kinds of unit in the allocation table's {@code kind} column, with their Chinese names. */
public enum UnitKind {
  PREFECTURE_CITY("prefecture_city", "省辖市"),
  DEMONSTRATION_ZONE("demonstration_zone", "济源示范区"),
  COUNTY_CITY("county_city", "省直管县（市）"),
  UNDERGRADUATE("undergraduate", "应用型本科院校"),
  VOCATIONAL_UNDERGRADUATE("vocational_undergraduate", "职业本科院校"),
  HIGHER_VOCATIONAL("higher_vocational", "高职院校"),
  SECONDARY_VOCATIONAL("secondary_vocational", "中等职业学校");

  private final String code;
  private final String chineseName;

  UnitKind(String code, String chineseName) {
    this.code = code;
    this.chineseName = chineseName;
  }

  public String code() {
    return code;
  }

  public String chineseName() {
    return chineseName;
  }

  /** Local education bureaus: they subdivide their quota over their secondary vocational schools. */
  public boolean isBureau() {
    return this == PREFECTURE_CITY || this == DEMONSTRATION_ZONE || this == COUNTY_CITY;
  }

  public static Optional<UnitKind> fromCode(String code) {
    return Arrays.stream(values()).filter(k -> k.code.equals(code)).findFirst();
  }
}
