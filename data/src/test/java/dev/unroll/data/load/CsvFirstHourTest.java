package dev.unroll.data.load;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unroll.data.DataFileException;
import dev.unroll.data.Dataset;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a new user's own files look like: scikit-learn's title line, gzipped files, bytes that are
 * not UTF-8, numeric labels that are not class numbers.
 */
class CsvFirstHourTest {
  @TempDir Path dir;

  /** scikit-learn's wine.csv: a title line (samples, features, class names), then the rows. */
  private static final String WINE_LIKE = "4,3,class_0,class_1,class_2\n"
      + "14.23,1.71,2.43,0\n"
      + "13.2,1.78,2.14,0\n"
      + "12.37,.94,1.36,1\n"
      + "12.33,1.1,2.28,1\n";

  private Path file(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text);
  }

  private Path gzip(String name, byte[] content) throws IOException {
    Path p = dir.resolve(name);
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(p))) {
      out.write(content);
    }
    return p;
  }

  @Test
  void aTitleLineWithAnotherFieldCountIsNamedAndSkipLinesSkipsIt() throws IOException {
    Path p = file("wine.csv", WINE_LIKE);
    DataFileException e = assertThrows(DataFileException.class, () -> new CsvLoader().load(p));
    assertEquals(p, e.file());
    assertTrue(e.getMessage().contains(
        "line 1 has 5 fields, the data rows 4: is line 1 a title? use skipLines(1)"),
        e.getMessage());
    Dataset d = new CsvLoader().skipLines(1).load(p);
    assertEquals(4, d.size());
    assertEquals(3, d.features());
    assertArrayEquals(new int[] {0, 0, 1, 1}, d.y());
    assertArrayEquals(new float[] {12.37f, .94f, 1.36f}, d.row(2));
  }

  @Test
  void aTitleLineWithTheDataFieldCountIsSkippedNotTakenAsHeader() throws IOException {
    // iris: "150,4,setosa,versicolor,virginica" has as many fields as a row
    Path p = file("iris.csv", "3,4,setosa,versicolor,virginica\n5.1,3.5,1.4,0.2,0\n"
        + "7.0,3.2,4.7,1.4,1\n6.3,3.3,6.0,2.5,2\n");
    Dataset d = new CsvLoader().skipLines(1).load(p);
    assertEquals(3, d.size());
    assertEquals(4, d.features());
    assertArrayEquals(new int[] {0, 1, 2}, d.y());
  }

  @Test
  void skippedLinesCountForLineNumbersAndAHeaderMayFollow() throws IOException {
    Path p = file("c.csv", "# exported\n\na,b,kind\n1,2,x\n3,oops,y\n");
    DataFileException e = assertThrows(DataFileException.class,
        () -> new CsvLoader().skipLines(2).load(p));
    assertTrue(e.getMessage().contains("line 5, column 2 (b): 'oops' is not a number"),
        e.getMessage());
    e = assertThrows(DataFileException.class, () -> new CsvLoader().skipLines(9).load(p));
    assertTrue(e.getMessage().contains("no rows after skipping 9 of its 5 lines"),
        e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new CsvLoader().skipLines(-1));
  }

  @Test
  void aGzippedCsvIsReadByItsMagicBytesWhateverItsName() throws IOException {
    byte[] text = WINE_LIKE.getBytes(StandardCharsets.UTF_8);
    for (String name : new String[] {"wine.csv.gz", "wine.csv"}) {
      Dataset d = new CsvLoader().skipLines(1).load(gzip(name, text));
      assertEquals(4, d.size());
      assertArrayEquals(new float[] {13.2f, 1.78f, 2.14f}, d.row(1));
    }
  }

  @Test
  void bytesThatAreNotUtf8NameTheFileAndTheLine() throws IOException {
    byte[] latin1 = "a,b,kind\n1,2,x\n3,4,caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
    Path p = Files.write(dir.resolve("latin1.csv"), latin1);
    DataFileException e = assertThrows(DataFileException.class, () -> new CsvLoader().load(p));
    assertEquals(p, e.file());
    assertTrue(e.getMessage().contains("line 3: byte 0xe9"), e.getMessage());
    assertTrue(e.getMessage().contains("is not UTF-8"), e.getMessage());
    Path gz = gzip("latin1.csv.gz", latin1);
    e = assertThrows(DataFileException.class, () -> new CsvLoader().load(gz));
    assertEquals(gz, e.file());
    assertTrue(e.getMessage().contains("line 3: byte 0xe9"), e.getMessage());
    Path zip = Files.write(dir.resolve("data.zip"), new byte[] {'P', 'K', 3, 4, (byte) 0x99, 0});
    e = assertThrows(DataFileException.class, () -> new CsvLoader().load(zip));
    assertTrue(e.getMessage().contains("line 1: byte 0x99"), e.getMessage());
    assertTrue(e.getMessage().contains("zip archive"), e.getMessage());
  }

  @Test
  void aTruncatedGzipNamesTheFile() throws IOException {
    Path whole = gzip("w.csv.gz", WINE_LIKE.getBytes(StandardCharsets.UTF_8));
    byte[] bytes = Files.readAllBytes(whole);
    Path cut = Files.write(dir.resolve("cut.csv.gz"), java.util.Arrays.copyOf(bytes, 20));
    DataFileException e = assertThrows(DataFileException.class,
        () -> new CsvLoader().skipLines(1).load(cut));
    assertEquals(cut, e.file());
    assertTrue(e.getMessage().contains("truncated gzip"), e.getMessage());
  }

  @Test
  void aStrayHugeNumericLabelIsAnErrorOnItsLineNotABillionClasses() throws IOException {
    Path p = file("l.csv", "1,0\n2,1\n3,999999999\n4,2\n");
    DataFileException e = assertThrows(DataFileException.class, () -> new CsvLoader().load(p));
    assertTrue(e.getMessage().contains(
        "line 3: label 999999999 would make 1000000000 classes, of which 4 occur"),
        e.getMessage());
    assertTrue(e.getMessage().contains("classes(n)"), e.getMessage());
  }

  @Test
  void aTenDigitNumericLabelIsANumberNotAClassName() throws IOException {
    Path p = file("l.csv", "1,0\n2,1\n3,2000000000\n");
    DataFileException e = assertThrows(DataFileException.class, () -> new CsvLoader().load(p));
    assertTrue(e.getMessage().contains("line 3: label 2000000000 would make"), e.getMessage());
    Path huge = file("h.csv", "1,0\n2,123456789012345678901234\n");
    e = assertThrows(DataFileException.class, () -> new CsvLoader().load(huge));
    assertTrue(e.getMessage().contains("line 2: label 123456789012345678901234"),
        e.getMessage());
  }

  @Test
  void gapsInNumericLabelsAreAllowedWithinTheBound() throws IOException {
    // 1-based labels, a class missing from a small file: fine
    Dataset d = new CsvLoader().load(file("l.csv", "1,1\n2,2\n3,3\n4,12\n"));
    assertEquals(13, d.numClasses());
    assertThrows(DataFileException.class,
        () -> new CsvLoader().load(file("m.csv", "1,1\n2,2\n3,3\n4,16\n")));
  }

  @Test
  void declaredClassesBoundTheLabelsAndSetTheCount() throws IOException {
    Path p = file("l.csv", "a,y\n1,0\n2,1\n3,1\n");
    Dataset d = new CsvLoader().classes(5).load(p);
    assertEquals(5, d.numClasses());
    assertTrue(d.classNames().isEmpty());
    DataFileException e = assertThrows(DataFileException.class,
        () -> new CsvLoader().classes(1).load(p));
    assertTrue(e.getMessage().contains("line 3: label 1 is outside the 1 declared classes"),
        e.getMessage());
    Path named = file("n.csv", "1,a\n2,b\n3,c\n");
    e = assertThrows(DataFileException.class, () -> new CsvLoader().classes(2).load(named));
    assertTrue(e.getMessage().contains("3 distinct names, more than the 2 declared classes"),
        e.getMessage());
    assertEquals(List.of("a", "b", "c"), new CsvLoader().classes(3).load(named).classNames());
    Dataset big = new CsvLoader().classes(1_000_000).load(file("b.csv", "1,999999\n"));
    assertEquals(1_000_000, big.numClasses());
  }
}
