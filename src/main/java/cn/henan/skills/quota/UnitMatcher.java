package cn.henan.skills.quota;

import cn.henan.skills.tabular.Names;

import cn.henan.skills.unit.Unit;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Finds the unit an uploaded row means among the units the province deals with directly (no parent), by name,
 * however the uploader spaced and bracketed it: the notice writes 「郑州工业安全职业学院 (含河南信息工程学校)」
 * where the registry has 「郑州工业安全职业学院（含河南信息工程学校）」.
 */
final class UnitMatcher {
  private final Map<String, Unit> byName;

  UnitMatcher(Collection<Unit> registry) {
    byName = registry.stream()
        .filter(unit -> unit.getParentCode() == null)
        .sorted(Comparator.comparingInt(Unit::getSeq))
        .collect(Collectors.toMap(unit -> Names.normalize(unit.getName()), Function.identity(),
            (first, second) -> {
              throw new IllegalArgumentException("单位名册中有两个同名单位：" + first + "、" + second);
            },
            LinkedHashMap::new));
  }

  Optional<Unit> find(String name) {
    return Optional.ofNullable(byName.get(Names.normalize(name)));
  }

  /** Why {@code name} matches no unit, suggesting the closest registry name when it is a likely misspelling. */
  String unknown(String name) {
    String wanted = Names.normalize(name);
    // one edit in three characters: with two edits allowed, 「北京大学」 would be offered 「开封大学」
    int tolerance = Math.max(1, wanted.length() / 3);
    return byName.entrySet().stream()
        .min(Comparator.comparingInt(entry -> distance(wanted, entry.getKey())))
        .filter(closest -> distance(wanted, closest.getKey()) <= tolerance)
        .map(closest -> "单位名册中没有「" + name + "」，是否为「" + closest.getValue().getName() + "」？")
        .orElse("单位名册中没有「" + name + "」：请使用通知附件 1 中的单位全称");
  }

  /** Edit distance, also against the name without its bracketed part, so 「河南测绘职业学院」 finds 「…（含郑州测绘学校）」. */
  private static int distance(String wanted, String registered) {
    return Math.min(levenshtein(wanted, registered), levenshtein(wanted, registered.replaceAll("\\([^)]*\\)", "")));
  }

  private static int levenshtein(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
