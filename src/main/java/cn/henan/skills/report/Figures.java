package cn.henan.skills.report;

/** The four indicators of Attachment 2 for one month or cumulated: training, certification, advanced, 1+X. */
public record Figures(long training, long certification, long advanced, long onePlusX) {
  public static final Figures ZERO = new Figures(0, 0, 0, 0);

  public Figures plus(Figures other) {
    return new Figures(training + other.training, certification + other.certification, advanced + other.advanced,
        onePlusX + other.onePlusX);
  }

  public Figures minus(Figures other) {
    return new Figures(training - other.training, certification - other.certification, advanced - other.advanced,
        onePlusX - other.onePlusX);
  }

  public long get(Indicator indicator) {
    return switch (indicator) {
      case TRAINING -> training;
      case CERTIFICATION -> certification;
      case ADVANCED -> advanced;
      case ONE_PLUS_X -> onePlusX;
    };
  }
}
