package dev.unroll.processor.check;

import dev.unroll.processor.diag.Message;
import dev.unroll.processor.diag.Report;

import dev.unroll.processor.model.Shape;
import dev.unroll.processor.read.RawAnnotation;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.AnnotationValue;

/** Reads {@code @Network(shape = {C, H, W})} and checks it against {@code inputs}. */
final class ImageInput {
  private ImageInput() {}

  /** The input's image shape, or null when none is given or it is unusable (reported). */
  static Shape read(RawAnnotation network, int inputs, Report report) {
    AnnotationValue value = network.value("shape");
    if (value == null) {
      return null;
    }
    List<Integer> dims = new ArrayList<>();
    if (value.getValue() instanceof List<?> list) {
      for (Object item : list) {
        if (item instanceof AnnotationValue v && v.getValue() instanceof Integer i) {
          dims.add(i);
        }
      }
    }
    if (dims.size() != 3 || dims.stream().anyMatch(d -> d <= 0)) {
      report.add(Message.BAD_SHAPE, network.element(), network.mirror(), value, dims);
      return null;
    }
    Shape shape = new Shape(dims.get(0), dims.get(1), dims.get(2));
    if ((long) shape.c() * shape.h() * shape.w() != inputs) {
      report.add(Message.SHAPE_NOT_INPUTS, network.element(), network.mirror(), value, inputs,
          shape, shape.size(), shape.size());
      return null;
    }
    return shape;
  }
}
