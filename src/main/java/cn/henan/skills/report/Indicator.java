package cn.henan.skills.report;

/** The rows of Attachment 2's progress table. */
public enum Indicator {
  TRAINING("training", "培训任务", "人次"),
  CERTIFICATION("certification", "取证人数", "人"),
  ADVANCED("advanced", "其中高级工及以上", "人"),
  ONE_PLUS_X("onePlusX", "1+X 证书取证人数", "人");

  private final String key;
  private final String chineseName;
  private final String measure;

  Indicator(String key, String chineseName, String measure) {
    this.key = key;
    this.chineseName = chineseName;
    this.measure = measure;
  }

  public String key() {
    return key;
  }

  public String chineseName() {
    return chineseName;
  }

  public String measure() {
    return measure;
  }
}
