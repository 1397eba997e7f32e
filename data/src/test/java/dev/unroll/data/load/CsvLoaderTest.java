package dev.unroll.data.load;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unroll.data.DataFileException;
import dev.unroll.data.Dataset;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvLoaderTest {
  @TempDir Path dir;

  private Path file(String text) throws IOException {
    Path p = dir.resolve("data.csv");
    Files.writeString(p, text);
    return p;
  }

  private static final String IRIS_LIKE = "sepal,petal,species\n"
      + "5.1,1.4,setosa\n"
      + "7.0,4.7,versicolor\n"
      + "6.3,6.0,virginica\n"
      + "4.9,1.5,setosa\n";

  @Test
  void labelByHeaderNameWithSortedClassNames() throws IOException {
    Dataset d = new CsvLoader().labelColumn("species").load(file(IRIS_LIKE));
    assertEquals(4, d.size());
    assertEquals(2, d.features());
    assertEquals(List.of("setosa", "versicolor", "virginica"), d.classNames());
    assertArrayEquals(new int[] {0, 1, 2, 0}, d.y());
    assertArrayEquals(new float[] {7.0f, 4.7f}, d.row(1));
  }

  @Test
  void classNamesSortedOrInOrderOfFirstAppearance() throws IOException {
    Path p = file("1,b\n2,a\n3,c\n4,a\n");
    Dataset sorted = new CsvLoader().load(p);
    assertEquals(List.of("a", "b", "c"), sorted.classNames());
    assertArrayEquals(new int[] {1, 0, 2, 0}, sorted.y());
    Dataset first = new CsvLoader().classOrder(CsvLoader.ClassOrder.FIRST_APPEARANCE).load(p);
    assertEquals(List.of("b", "a", "c"), first.classNames());
    assertArrayEquals(new int[] {0, 1, 2, 1}, first.y());
  }

  @Test
  void numericLabelsStayAsGivenAndHeaderIsDetected() throws IOException {
    Dataset d = new CsvLoader().labelColumn(0).load(file("label,a,b\n3,1,2\n0,3,4\n"));
    assertArrayEquals(new int[] {3, 0}, d.y());
    assertEquals(4, d.numClasses());
    assertTrue(d.classNames().isEmpty());
    assertArrayEquals(new float[] {3, 4}, d.row(1));
  }

  @Test
  void withoutHeaderTheFirstLineIsData() throws IOException {
    Dataset d = new CsvLoader().header(false).load(file("1,2,0\n3,4,1\n"));
    assertEquals(2, d.size());
    Dataset detected = new CsvLoader().load(file("1,2,0\n3,4,1\n"));
    assertEquals(2, detected.size());
  }

  @Test
  void quotesDelimitersAndIgnoredColumns() throws IOException {
    Path p = file("id;\"x\";\"kind\"\n7; 1.5 ;\"a;b\"\n8;-2e-1;\"c \"\"d\"\"\"\n");
    Dataset d = new CsvLoader().delimiter(';').labelColumn("kind").ignoreColumns("id").load(p);
    assertEquals(1, d.features());
    assertArrayEquals(new float[] {-0.2f}, d.row(1));
    assertEquals(List.of("a;b", "c \"d\""), d.classNames());
  }

  @Test
  void rowWithWrongColumnCountNamesTheLine() throws IOException {
    Path p = file("a,b,c\n1,2,x\n\n1,2\n");
    DataFileException e = assertThrows(DataFileException.class, () -> new CsvLoader().load(p));
    assertEquals(p, e.file());
    assertTrue(e.getMessage().startsWith(p.toString()), e.getMessage());
    assertTrue(e.getMessage().contains("line 4: expected 3 columns, found 2"), e.getMessage());
  }

  @Test
  void nonNumericValueNamesLineColumnAndValue() throws IOException {
    Path p = file("a,b,c\n1,2,x\n1,abc,y\n");
    DataFileException e = assertThrows(DataFileException.class, () -> new CsvLoader().load(p));
    assertTrue(e.getMessage().contains("line 3, column 2 (b): 'abc' is not a number"),
        e.getMessage());
  }

  @Test
  void nanInfinityEmptyAndOverflowAreNotData() throws IOException {
    for (String bad : new String[] {"NaN", "Infinity", "", "1f", "0x10", "1e99"}) {
      Path p = file("a,c\n1,x\n" + bad + ",y\n");
      DataFileException e = assertThrows(DataFileException.class,
          () -> new CsvLoader().load(p), bad);
      assertTrue(e.getMessage().contains("line 3, column 1 (a)"), e.getMessage());
    }
  }

  @Test
  void unknownLabelNameEmptyFileAndOpenQuote() throws IOException {
    DataFileException e = assertThrows(DataFileException.class,
        () -> new CsvLoader().labelColumn("kind").load(file(IRIS_LIKE)));
    assertTrue(e.getMessage().contains("no column named 'kind'"), e.getMessage());
    e = assertThrows(DataFileException.class, () -> new CsvLoader().load(file("\n\n")));
    assertTrue(e.getMessage().contains("empty"), e.getMessage());
    e = assertThrows(DataFileException.class, () -> new CsvLoader().load(file("a,b\n")));
    assertTrue(e.getMessage().contains("no data rows"), e.getMessage());
    e = assertThrows(DataFileException.class,
        () -> new CsvLoader().load(file("1,2\n\"3,4\n")));
    assertTrue(e.getMessage().contains("line 2: a quote is not closed"), e.getMessage());
    e = assertThrows(DataFileException.class,
        () -> new CsvLoader().labelColumn(5).load(file("1,2\n")));
    assertTrue(e.getMessage().contains("label column 5"), e.getMessage());
  }
}
