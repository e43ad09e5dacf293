package cn.henan.skills.tabular;

/** A row of a quota table: training and certification always, advanced and 1+X null where there is no requirement. */
public interface QuotaLine {
  int training();

  int certification();

  Integer advanced();

  Integer onePlusX();
}
