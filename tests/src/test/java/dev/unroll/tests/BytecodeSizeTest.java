package dev.unroll.tests;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Reads generated class files and checks that no method's bytecode reaches HotSpot's 8,000-byte
 * limit (-XX:-DontCompileHugeMethods): a larger method would never be JIT-compiled.
 */
class BytecodeSizeTest {
  private static final int HUGE_METHOD_LIMIT = 8000;

  @ParameterizedTest
  @ValueSource(classes = {OtherSpecs_MnistNet.class, OtherSpecs_WideNet.class,
      OtherSpecs_WideMaxoutNet.class, OtherSpecs_InitsNet.class,
      GradSpecs_MaxoutBnSvmNet.class, GradSpecs_PreluBnSoftmaxNet.class,
      OtherSpecs_WideVectorNet.class, VectorGradSpecs_MaxoutBnSvmNet.class})
  void everyGeneratedMethodIsUnderTheHugeMethodLimit(Class<?> generated) throws IOException {
    Map<String, Integer> sizes = codeSizes(generated);
    assertFalse(sizes.isEmpty());
    assertTrue(sizes.containsKey("forward1"), "found " + sizes.keySet());
    sizes.forEach((method, size) -> assertTrue(size < HUGE_METHOD_LIMIT,
        generated.getSimpleName() + "." + method + " has " + size + " bytes of bytecode"));
  }

  /** The columnar step's methods too, at the widest shape it takes (4 inputs, 8 classes). */
  @ParameterizedTest
  @ValueSource(classes = {OtherSpecs_VectorColumnarWideNet.class,
      OtherSpecs_VectorHeadReluFloatNet.class, OtherSpecs_VectorColumnarNarrowNet.class})
  void columnarMethodsAreUnderTheHugeMethodLimit(Class<?> generated) throws IOException {
    Map<String, Integer> sizes = codeSizes(generated);
    assertTrue(sizes.containsKey("forwardColumnar"), "found " + sizes.keySet());
    assertTrue(sizes.containsKey("backwardColumnar"), "found " + sizes.keySet());
    sizes.forEach((method, size) -> assertTrue(size < HUGE_METHOD_LIMIT,
        generated.getSimpleName() + "." + method + " has " + size + " bytes of bytecode"));
  }

  /**
   * Deep specs (issue 15 item 4): at 40 layers the constructor was 13,827 bytes and at 200 it did
   * not compile; now every method of 1, 40 and 300 layers is under the limit, the deep ones'
   * class-wide code in chunk methods of a few layers.
   */
  @ParameterizedTest
  @ValueSource(classes = {DeepSpecs_OneLayerNet.class, DeepSpecs_Deep40Net.class,
      DeepSpecs_Deep300Net.class})
  void deepNetworksKeepEveryMethodUnderTheHugeMethodLimit(Class<?> generated)
      throws IOException {
    Map<String, Integer> sizes = codeSizes(generated);
    assertTrue(sizes.containsKey("forward1"), "found " + sizes.keySet());
    if (generated != DeepSpecs_OneLayerNet.class) {
      assertTrue(sizes.containsKey("sgdStepLayers1To8"), "found " + sizes.keySet());
      assertTrue(sizes.containsKey("allocateLayers9To16"), "found " + sizes.keySet());
    }
    sizes.forEach((method, size) -> assertTrue(size < HUGE_METHOD_LIMIT,
        generated.getSimpleName() + "." + method + " has " + size + " bytes of bytecode"));
  }

  /** Method name (first overload wins the largest size) to code length, from the class file. */
  static Map<String, Integer> codeSizes(Class<?> type) throws IOException {
    Map<String, Integer> sizes = new LinkedHashMap<>();
    try (InputStream raw = type.getResourceAsStream(type.getSimpleName() + ".class");
        DataInputStream in = new DataInputStream(raw)) {
      in.readInt(); // magic
      in.readUnsignedShort(); // minor
      in.readUnsignedShort(); // major
      int count = in.readUnsignedShort();
      String[] utf8 = new String[count];
      for (int i = 1; i < count; i++) {
        int tag = in.readUnsignedByte();
        switch (tag) {
          case 1 -> utf8[i] = in.readUTF();
          case 3, 4 -> in.readInt();
          case 5, 6 -> {
            in.readLong();
            i++; // longs and doubles take two slots
          }
          case 7, 8, 16, 19, 20 -> in.readUnsignedShort();
          case 9, 10, 11, 12, 17, 18 -> in.readInt();
          case 15 -> {
            in.readUnsignedByte();
            in.readUnsignedShort();
          }
          default -> throw new IOException("constant pool tag " + tag);
        }
      }
      in.readUnsignedShort(); // access
      in.readUnsignedShort(); // this
      in.readUnsignedShort(); // super
      in.skipNBytes(2L * in.readUnsignedShort()); // interfaces
      int fields = in.readUnsignedShort();
      for (int f = 0; f < fields; f++) {
        in.skipNBytes(6);
        skipAttributes(in);
      }
      int methods = in.readUnsignedShort();
      for (int m = 0; m < methods; m++) {
        in.readUnsignedShort();
        String name = utf8[in.readUnsignedShort()];
        in.readUnsignedShort();
        int attributes = in.readUnsignedShort();
        for (int a = 0; a < attributes; a++) {
          String attr = utf8[in.readUnsignedShort()];
          int length = in.readInt();
          if (attr.equals("Code")) {
            in.readUnsignedShort(); // max stack
            in.readUnsignedShort(); // max locals
            int code = in.readInt();
            sizes.merge(name, code, Math::max);
            in.skipNBytes(length - 8L);
          } else {
            in.skipNBytes(length);
          }
        }
      }
    }
    return sizes;
  }

  private static void skipAttributes(DataInputStream in) throws IOException {
    int attributes = in.readUnsignedShort();
    for (int a = 0; a < attributes; a++) {
      in.readUnsignedShort();
      in.skipNBytes(in.readInt());
    }
  }
}
