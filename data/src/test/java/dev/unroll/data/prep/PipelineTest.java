package dev.unroll.data.prep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unroll.data.DataFileException;
import dev.unroll.data.Dataset;
import dev.unroll.data.Split;
import dev.unroll.data.io.NamedArray;
import dev.unroll.data.io.Safetensors;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PipelineTest {
  @TempDir Path dir;

  private final Pipeline pipeline =
      Pipeline.of(Steps.center(), Steps.standardize(), Steps.whiten(3));

  @Test
  void statisticsComeFromTheTrainingSplitOnly() {
    // Validation rows sit 100 units away from training rows: statistics that saw them would be
    // far from the training mean and scale, and validation would come out centered at 0.
    float[][] train = Gaussians.correlated(300, 4, 0, 3);
    float[][] validation = Gaussians.correlated(300, 4, 100, 4);
    Split split = new Split(Dataset.of(train, new int[300]), Dataset.of(validation,
        new int[300]), Dataset.of(new float[0][], new int[0]));
    FittedPipeline prep =
        Pipeline.of(Steps.center(), Steps.standardize()).fit(split.train().x());
    MeanCentering c = (MeanCentering) prep.steps().get(0);
    Standardization s = (Standardization) prep.steps().get(1);
    double[] trainMean = Gaussians.mean(train);
    assertArrayEquals(trainMean, c.mean(), 1e-9);
    double[][] trainCov = Gaussians.covariance(train);
    for (int j = 0; j < 4; j++) {
      assertEquals(Math.sqrt(trainCov[j][j]), s.std()[j], 1e-4 * s.std()[j]);
    }
    double[] out = Gaussians.mean(prep.apply(split.validation()).x());
    double[] validationMean = Gaussians.mean(validation);
    for (int j = 0; j < 4; j++) {
      assertEquals((validationMean[j] - trainMean[j]) / s.std()[j], out[j], 1e-3);
      assertTrue(out[j] > 10, "validation stays away from 0: " + out[j]);
    }
  }

  @Test
  void eachStepIsFittedOnTheOutputOfThePreviousOnes() {
    float[][] train = Gaussians.correlated(500, 4, 7, 5);
    FittedPipeline prep = pipeline.fit(train);
    assertEquals(3, prep.outputSize());
    Standardization s = (Standardization) prep.steps().get(1);
    assertArrayEquals(new double[4], s.mean(), 1e-5);
    double[][] cov = Gaussians.covariance(prep.apply(train));
    for (int a = 0; a < 3; a++) {
      assertEquals(1, cov[a][a], 1e-3);
    }
  }

  @Test
  void rowAndBatchApplyAgreeBitForBit() {
    float[][] train = Gaussians.correlated(300, 4, 1, 6);
    FittedPipeline prep = pipeline.fit(train);
    float[][] batch = prep.apply(train);
    float[] row = new float[3];
    for (int i = 0; i < 20; i++) {
      prep.apply(train[i], row);
      assertArrayEquals(batch[i], row);
    }
  }

  @Test
  void fitSaveLoadApplyIsBitIdentical() throws IOException {
    float[][] train = Gaussians.correlated(400, 6, 3, 7);
    float[][] test = Gaussians.correlated(50, 6, 9, 8);
    FittedPipeline fitted = Pipeline.of(Steps.centerPerChannel(2), Steps.standardizePerChannel(3),
        Steps.pca(4), Steps.whitenVariance(0.9, 1e-3)).fit(train);
    Path file = dir.resolve("prep.safetensors");
    fitted.save(file);
    FittedPipeline loaded = FittedPipeline.load(file);
    assertEquals(fitted.statistics(), loaded.statistics());
    assertEquals(fitted.settings(), loaded.settings());
    float[][] expected = fitted.apply(test);
    float[][] actual = loaded.apply(test);
    for (int i = 0; i < test.length; i++) {
      assertArrayEquals(expected[i], actual[i], "row " + i);
    }
  }

  @Test
  void loadRejectsFilesThatAreNotAPipeline() throws IOException {
    Path other = dir.resolve("other.safetensors");
    Safetensors.write(other, Map.of(), List.of(NamedArray.vector("w", new float[] {1})));
    DataFileException e = assertThrows(DataFileException.class,
        () -> FittedPipeline.load(other));
    assertTrue(e.getMessage().contains("not a preprocessing file"), e.getMessage());

    Path file = dir.resolve("prep.safetensors");
    FittedPipeline fitted = pipeline.fit(Gaussians.correlated(100, 4, 0, 9));
    Map<String, String> meta = new HashMap<>(fitted.settings());
    meta.put("step.1.kind", "dropout");
    Safetensors.write(file, meta, fitted.statistics());
    e = assertThrows(DataFileException.class, () -> FittedPipeline.load(file));
    assertTrue(e.getMessage().contains("step 1 (dropout): unknown kind"), e.getMessage());

    List<NamedArray> stats = new ArrayList<>(fitted.statistics());
    stats.removeIf(a -> a.name().equals("step.2.components"));
    Safetensors.write(file, fitted.settings(), stats);
    e = assertThrows(DataFileException.class, () -> FittedPipeline.load(file));
    assertTrue(e.getMessage().contains("step 2 (pca): missing statistic 'components'"),
        e.getMessage());
  }
}
