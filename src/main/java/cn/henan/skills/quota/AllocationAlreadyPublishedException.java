package cn.henan.skills.quota;

/** A year's allocation is published once; a second publication is refused. */
public class AllocationAlreadyPublishedException extends IllegalStateException {
  AllocationAlreadyPublishedException(int year) {
    super(year + " 年的任务已经下达，不能重复下达。");
  }
}
