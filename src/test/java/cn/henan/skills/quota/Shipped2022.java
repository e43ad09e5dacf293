package cn.henan.skills.quota;

import cn.henan.skills.unit.Unit;
import cn.henan.skills.unit.UnitKind;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The shipped 2022 allocation table (src/main/resources/allocation/allocation-2022.csv) and the unit registry read
 * from its seq, unit and kind columns, which is what the Flyway seed holds.
 */
final class Shipped2022 {
  private Shipped2022() {
  }

  static byte[] bytes() {
    try (InputStream in = Shipped2022.class.getResourceAsStream("/allocation/allocation-2022.csv")) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The header line followed by the 171 data lines; the line for seq n is at index n. */
  static List<String> lines() {
    return new String(bytes(), StandardCharsets.UTF_8).lines().toList();
  }

  /** The cells of the data line for seq n (the file has no quoted cells); empty cells kept. */
  static String[] cells(int seq) {
    return lines().get(seq).split(",", -1);
  }

  static List<Unit> registry() {
    return lines().stream().skip(1)
        .map(line -> line.split(",", -1))
        .map(cells -> new Unit(String.format("u%03d", Integer.parseInt(cells[0])), cells[1],
            UnitKind.fromCode(cells[2]).orElseThrow(), null, Integer.parseInt(cells[0])))
        .toList();
  }
}
