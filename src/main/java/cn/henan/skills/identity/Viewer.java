package cn.henan.skills.identity;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Who is asking, as the engine's current authentication says: the user and the groups that decide what they see. */
public record Viewer(String userId, List<String> groups) {

  /** The province groups and the administrators see every unit. */
  public boolean seesAllUnits() {
    return groups.stream().anyMatch(g -> ProvinceGroups.PROVINCE.contains(g)
        || g.equals(ProvinceGroups.PROCESS_ADMIN) || g.equals(ProvinceGroups.CAMUNDA_ADMIN));
  }

  /**
   * Whether the user may see a unit's work: the province sees all, a unit's people their unit, a city bureau's
   * people also its schools ({@code parentCode} is the school's city, null for the province's own units).
   */
  public boolean maySee(String unitCode, String parentCode) {
    Set<String> own = ownUnits();
    return seesAllUnits() || own.contains(unitCode) || (parentCode != null && own.contains(parentCode));
  }

  /** The units whose filer or leader group the user belongs to. */
  public Set<String> ownUnits() {
    return groups.stream()
        .filter(g -> g.endsWith("-filer") || g.endsWith("-leader"))
        .map(g -> g.substring(0, g.lastIndexOf('-')))
        .collect(Collectors.toSet());
  }
}
