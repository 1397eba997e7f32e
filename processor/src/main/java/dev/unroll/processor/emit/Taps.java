package dev.unroll.processor.emit;

import java.util.ArrayList;
import java.util.List;

/**
 * Which kernel taps reach a pixel, worked out at generation time so that the generated loops
 * need no bounds test per pixel. Along one side, output position {@code o} reads input {@code o s
 * + tap - pad} with tap in [0, k); it lies inside the image when {@code 0 <= o s + tap - pad <
 * in}. {@link #runs} cuts [0, out) into runs of positions that the same taps reach: the padded
 * borders become short runs and the interior one long run, each a loop with constant bounds.
 *
 * @param in input length along the side
 * @param out output length along the side
 * @param stride the window's step
 * @param pad zero pixels before the first input pixel (may be negative: a transposed geometry)
 */
record Taps(int in, int out, int stride, int pad) {
  /** A run of output positions [from, to) that exactly the taps {@code taps} reach. */
  record Run(int from, int to, List<Integer> taps) {}

  /** Whether tap {@code tap} of output position {@code o} reads a pixel of the input. */
  boolean reaches(int o, int tap) {
    int i = o * stride + tap - pad;
    return i >= 0 && i < in;
  }

  /** Runs of [0, out) by the subset of {@code taps} that reach them, empty subsets left out. */
  List<Run> runs(List<Integer> taps) {
    List<Run> runs = new ArrayList<>();
    int from = 0;
    List<Integer> current = reaching(0, taps);
    for (int o = 1; o <= out; o++) {
      List<Integer> next = o < out ? reaching(o, taps) : null;
      if (!current.equals(next)) {
        if (!current.isEmpty()) {
          runs.add(new Run(from, o, current));
        }
        from = o;
        current = next;
      }
    }
    return runs;
  }

  /** The positions [from, to) that tap {@code tap} reaches (from == to when none). */
  int[] range(int tap) {
    int from = 0;
    while (from < out && !reaches(from, tap)) {
      from++;
    }
    int to = from;
    while (to < out && reaches(to, tap)) {
      to++;
    }
    return new int[] {from, to};
  }

  private List<Integer> reaching(int o, List<Integer> taps) {
    List<Integer> r = new ArrayList<>();
    for (int tap : taps) {
      if (reaches(o, tap)) {
        r.add(tap);
      }
    }
    return r;
  }
}
