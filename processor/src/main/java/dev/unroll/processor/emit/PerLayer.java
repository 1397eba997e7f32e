package dev.unroll.processor.emit;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * Class-wide code with one block per layer ({@code initialize}, {@code sgdStep}, {@code
 * copyFrom}, the tensor lists, the allocation of the arrays, {@code fold}): written inline while
 * the network has at most {@link #CHUNK} layers, otherwise in methods of {@code CHUNK} layers
 * each ({@code sgdStepLayers9To16()}), so that a method's bytecode stays far under HotSpot's
 * 8,000-byte limit at any depth (a layer's block is a few hundred bytes at most).
 */
final class PerLayer {
  /** Layers per method of a deep network, and the most a method takes inline. */
  static final int CHUNK = 8;

  private PerLayer() {}

  /** One layer's block. */
  record Block(int layer, CodeBlock code) {}

  /** Whether the network is deep enough for its per-layer code to go into chunk methods. */
  static boolean deep(List<LayerEmitter> layers) {
    return layers.size() > CHUNK;
  }

  /**
   * Adds {@code blocks} (empty ones skipped) to {@code into}: inline for a shallow network, else
   * as calls {@code name + "Layers" + a + "To" + b + "(args)"} of new private methods taking
   * {@code params}.
   */
  static void add(TypeSpec.Builder type, MethodSpec.Builder into, boolean deep, String name,
      List<Block> blocks, List<ParameterSpec> params, String args) {
    into.addCode(chunked(type, deep, name, blocks, params, args));
  }

  /** The code {@link #add} adds: the blocks themselves, or the calls of the chunk methods. */
  static CodeBlock chunked(TypeSpec.Builder type, boolean deep, String name, List<Block> blocks,
      List<ParameterSpec> params, String args) {
    List<Block> some = blocks.stream().filter(b -> !b.code().isEmpty()).toList();
    CodeBlock.Builder into = CodeBlock.builder();
    if (!deep) {
      some.forEach(b -> into.add(b.code()));
      return into.build();
    }
    for (List<Block> chunk : chunks(some)) {
      String method = chunkName(name, chunk);
      MethodSpec.Builder m = MethodSpec.methodBuilder(method)
          .addModifiers(Modifier.PRIVATE)
          .addParameters(params)
          .addJavadoc("Layers $L to $L of {@code $L}.\n", chunk.get(0).layer(),
              chunk.get(chunk.size() - 1).layer(), name);
      chunk.forEach(b -> m.addCode(b.code()));
      type.addMethod(m.build());
      into.addStatement("$L($L)", method, args);
    }
    return into.build();
  }

  /**
   * The sum of {@code terms} (one expression of type double per layer, e.g. a sum of squares):
   * the expression itself for a shallow network, else the sum of calls of chunk methods
   * {@code name + "Layers" + a + "To" + b + "()"} returning their chunk's sum.
   */
  static CodeBlock sum(TypeSpec.Builder type, boolean deep, String name, List<Block> terms) {
    if (!deep) {
      return CodeBlock.join(terms.stream().map(Block::code).toList(), " + ");
    }
    List<CodeBlock> calls = new ArrayList<>();
    for (List<Block> chunk : chunks(terms)) {
      String method = chunkName(name, chunk);
      type.addMethod(MethodSpec.methodBuilder(method)
          .addModifiers(Modifier.PRIVATE)
          .returns(TypeName.DOUBLE)
          .addJavadoc("Layers $L to $L of the $L.\n", chunk.get(0).layer(),
              chunk.get(chunk.size() - 1).layer(), name)
          .addStatement("return $L",
              CodeBlock.join(chunk.stream().map(Block::code).toList(), " + "))
          .build());
      calls.add(CodeBlock.of("$L()", method));
    }
    return CodeBlock.join(calls, " + ");
  }

  private static String chunkName(String name, List<Block> chunk) {
    return name + "Layers" + chunk.get(0).layer() + "To" + chunk.get(chunk.size() - 1).layer();
  }

  private static List<List<Block>> chunks(List<Block> blocks) {
    List<List<Block>> out = new ArrayList<>();
    for (int i = 0; i < blocks.size(); i += CHUNK) {
      out.add(blocks.subList(i, Math.min(i + CHUNK, blocks.size())));
    }
    return out;
  }
}
