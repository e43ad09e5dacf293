package cn.henan.skills.pdf;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Breaks Chinese text into lines that fit a width. Any two Chinese characters may be separated; a run of Latin
 * letters, digits and the like ({@code 2022}, {@code hnstjbgs@163.com}) is kept whole where it fits. As Chinese
 * typesetting requires, closing punctuation never starts a line and opening punctuation never ends one.
 */
final class LineBreaker {
  private static final String NO_LINE_START = "，。、；：？！）》」』】〕〗”’…·%,.;:?!)]}";
  private static final String NO_LINE_END = "（《「『【〔〖“‘([{";

  private LineBreaker() {
  }

  /**
   * The lines of one paragraph (no line breaks in it); an empty paragraph gives one empty line. The first line
   * starts {@code indent} further right (Chinese paragraphs are indented by two characters).
   */
  static List<String> wrap(String paragraph, double maxWidth, double indent, ToDoubleFunction<String> width) {
    List<String> lines = new ArrayList<>();
    fill(glue(atoms(paragraph)), maxWidth, indent, width, lines);
    return lines;
  }

  /** Single Chinese characters, spaces, and unbroken runs of anything else. */
  private static List<String> atoms(String text) {
    List<String> atoms = new ArrayList<>();
    StringBuilder run = new StringBuilder();
    text.codePoints().forEach(cp -> {
      if (isRunPart(cp)) {
        run.appendCodePoint(cp);
        return;
      }
      if (run.length() > 0) {
        atoms.add(run.toString());
        run.setLength(0);
      }
      atoms.add(new String(Character.toChars(cp)));
    });
    if (run.length() > 0) {
      atoms.add(run.toString());
    }
    return atoms;
  }

  /** Latin, digits and their punctuation (below the General Punctuation block, where “ ” — … begin). */
  private static boolean isRunPart(int cp) {
    return cp < 0x2000 && !Character.isWhitespace(cp);
  }

  /** Joins closing punctuation to what precedes it and opening punctuation to what follows it. */
  private static List<String> glue(List<String> atoms) {
    List<String> glued = new ArrayList<>();
    String pendingOpen = "";
    for (String atom : atoms) {
      boolean closing = NO_LINE_START.indexOf(atom.codePointAt(0)) >= 0;
      if (closing && pendingOpen.isEmpty() && !glued.isEmpty()) {
        glued.set(glued.size() - 1, glued.get(glued.size() - 1) + atom);
      } else if (atom.length() == 1 && NO_LINE_END.indexOf(atom.charAt(0)) >= 0) {
        pendingOpen += atom;
      } else {
        glued.add(pendingOpen + atom);
        pendingOpen = "";
      }
    }
    if (!pendingOpen.isEmpty()) {
      glued.add(pendingOpen);
    }
    return glued;
  }

  private static void fill(List<String> atoms, double maxWidth, double indent, ToDoubleFunction<String> width,
      List<String> lines) {
    StringBuilder line = new StringBuilder();
    double used = indent;
    for (String atom : atoms) {
      boolean space = atom.isBlank();
      if (line.length() == 0 && space) {
        continue;
      }
      double w = width.applyAsDouble(atom);
      if (used + w <= maxWidth) {
        line.append(atom);
        used += w;
        continue;
      }
      if (space) {
        continue; // a space at the end of a line is dropped, the next atom starts the next line
      }
      if (line.length() > 0 || used > 0) {
        lines.add(line.toString().stripTrailing());
        line.setLength(0);
        used = 0;
      }
      if (w <= maxWidth) {
        line.append(atom);
        used = w;
      } else {
        used = split(atom, maxWidth, width, line, lines);
      }
    }
    lines.add(line.toString().stripTrailing());
  }

  /** An atom wider than a line (a long e-mail address, say) is cut where the line is full. */
  private static double split(String atom, double maxWidth, ToDoubleFunction<String> width, StringBuilder line,
      List<String> lines) {
    double used = 0;
    for (int i = 0; i < atom.length(); ) {
      int cp = atom.codePointAt(i);
      String ch = new String(Character.toChars(cp));
      double w = width.applyAsDouble(ch);
      if (used + w > maxWidth && line.length() > 0) {
        lines.add(line.toString());
        line.setLength(0);
        used = 0;
      }
      line.append(ch);
      used += w;
      i += Character.charCount(cp);
    }
    return used;
  }
}
