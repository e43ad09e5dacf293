package cn.henan.skills.identity;

import java.util.List;

/** The fixed Camunda groups of DESIGN.md; unit groups are {@code <unit code>-filer} and {@code <unit code>-leader}. */
public final class ProvinceGroups {
  public static final String PROVINCE_EDU = "province-edu";
  public static final String PROVINCE_LEADER = "province-leader";
  public static final String PROVINCE_1X = "province-1x";
  public static final String PROVINCE_HRSS = "province-hrss";
  public static final String PROCESS_ADMIN = "process-admin";
  public static final String CAMUNDA_ADMIN = "camunda-admin";

  /** Groups that see every unit's instances and tasks. */
  public static final List<String> PROVINCE = List.of(PROVINCE_EDU, PROVINCE_LEADER, PROVINCE_1X, PROVINCE_HRSS);

  private ProvinceGroups() {
  }
}
