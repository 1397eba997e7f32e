package dev.unroll.processor.check;

import dev.unroll.processor.diag.Report;
import dev.unroll.processor.model.NetSpec;
import dev.unroll.processor.read.RawAnnotation;
import java.util.Optional;
import javax.lang.model.element.TypeElement;

/**
 * One spec after its own checks, kept for the checks across a round ({@link ClassNames#unique}).
 *
 * @param generatedName qualified name of the class it generates, or null when that name is no
 *     legal name or taken by an existing type
 * @param checked the model when its own checks found no error
 */
public record CheckedSpec(TypeElement type, RawAnnotation network, Report report,
    String generatedName, Optional<NetSpec> checked) {

  /** The spec's qualified name, for messages. */
  public String specName() {
    return type.getQualifiedName().toString();
  }

  /** The model to generate from, or empty once any check, also a later one, found an error. */
  public Optional<NetSpec> model() {
    return report.hasErrors() ? Optional.empty() : checked;
  }
}
