package cn.henan.skills.quota;

/** A unit's annual task. Null advanced or 1+X means no requirement (—— in the notice), not zero. */
public record Quota(int training, int certification, Integer advanced, Integer onePlusX) {

  /** e.g. "培训任务 80000 人次；取证人数 70000 人，其中高级工及以上 ——（无数量要求）；1+X 证书取证人数 14000 人". */
  public String describe() {
    return "培训任务 " + training + " 人次；取证人数 " + certification + " 人，其中高级工及以上 "
        + orDash(advanced) + "；1+X 证书取证人数 " + orDash(onePlusX);
  }

  private static String orDash(Integer value) {
    return value == null ? "——（无数量要求）" : value + " 人";
  }
}
