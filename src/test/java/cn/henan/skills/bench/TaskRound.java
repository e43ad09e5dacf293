package cn.henan.skills.bench;

import java.util.Arrays;

/** One kind of task done for every report: its wall time, and the time of each completion alone. */
final class TaskRound {
  final String kind;
  private final long[] completions;
  long wall;

  TaskRound(String kind, int reports) {
    this.kind = kind;
    this.completions = new long[reports];
  }

  long[] completions() {
    return completions;
  }

  int size() {
    return completions.length;
  }

  double percentileMs(double p) {
    long[] sorted = completions.clone();
    Arrays.sort(sorted);
    return sorted[(int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] / 1e6;
  }
}
