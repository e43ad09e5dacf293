package cn.henan.skills.identity;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

  /** The groups the seeder creates, with their names (camunda-admin comes from the starter or the identity plugin). */
  public static final Map<String, String> SEEDED = seeded();

  /** The province's demo users (user id, first name, last name, group), beside the units' filers and leaders. */
  public static final List<List<String>> DEMO_USERS = List.of(
      List.of("province", "省教育厅", "职成处", PROVINCE_EDU),
      List.of("leader", "省领导小组", "组长", PROVINCE_LEADER),
      List.of("hrss", "省人社厅", "审核员", PROVINCE_HRSS),
      List.of("onex", "省1+X办", "审核员", PROVINCE_1X));

  private static Map<String, String> seeded() {
    Map<String, String> groups = new LinkedHashMap<>();
    groups.put(PROVINCE_EDU, "省教育厅（领导小组办公室）");
    groups.put(PROVINCE_LEADER, "省领导小组组长");
    groups.put(PROVINCE_1X, "省1+X证书制度试点工作协调推进办公室");
    groups.put(PROVINCE_HRSS, "省人力资源社会保障厅");
    groups.put(PROCESS_ADMIN, "流程管理员");
    return java.util.Collections.unmodifiableMap(groups);
  }

  private ProvinceGroups() {
  }
}
