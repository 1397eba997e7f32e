package quickstart;

import dev.unroll.data.Dataset;
import dev.unroll.data.Split;
import dev.unroll.data.Splits;
import dev.unroll.data.load.CsvLoader;
import dev.unroll.data.prep.FittedPipeline;
import dev.unroll.data.prep.Pipeline;
import dev.unroll.data.prep.Steps;
import dev.unroll.train.Evaluation;
import dev.unroll.train.LearningRate;
import dev.unroll.train.Trainer;
import dev.unroll.train.TrainingResult;
import dev.unroll.train.check.SanityChecks;
import dev.unroll.train.checkpoint.Checkpoint;
import dev.unroll.train.optim.Optimizers;
import java.nio.file.Path;

/** Usage: Train data.csv[.gz] model.ck [lines to skip]. */
public final class Train {
  public static void main(String[] args) throws Exception {
    Path csv = Path.of(args[0]);
    Path checkpoint = Path.of(args[1]);
    int skip = args.length > 2 ? Integer.parseInt(args[2]) : 0;

    // Load: numeric features, the label in the last column (numbers or names); a gzipped file
    // is recognised by its content. scikit-learn's CSV files start with a title line: skip it.
    Dataset data = new CsvLoader().skipLines(skip).load(csv);
    System.out.println(csv + ": " + data);

    // Split 60 / 20 / 20, each class in proportion; standardize with the training split's
    // statistics only, applied unchanged to the other two.
    Split split = Splits.stratified(data, 0.6, 0.2, 42);
    FittedPipeline prep = Pipeline.of(Steps.standardize()).fit(split.train().x());
    Dataset train = prep.apply(split.train());
    Dataset validation = prep.apply(split.validation());
    Dataset test = prep.apply(split.test());

    // The lecture's checks before training: initial loss, L2, overfitting 20 rows, a rate sweep.
    IrisNet net = new IrisNet(42);
    System.out.println(new SanityChecks().runAll(net, train.x(), train.y()));

    // Mini-batch SGD with momentum, the rate halved every 40 epochs, L2; each epoch is judged on
    // the validation split and its best weights are kept. The test split stays unseen.
    TrainingResult result = new Trainer()
        .epochs(120).batchSize(16)
        .optimizer(Optimizers.momentum(0.9))
        .learningRate(LearningRate.step(0.02, 0.5, 40))
        .l2(1e-4).seed(42)
        .validateOn(validation).restoreBest(true)
        .fit(net, train);
    System.out.println(result.message());

    // One look at the test split: accuracy, confusion matrix, recall and precision per class.
    System.out.print(Evaluation.of(net, test).table(data.classNames()));

    // The weights and the preprocessing in one file, for Predict in another JVM.
    Checkpoint.save(checkpoint, net, result.optimizer(), prep);
    System.out.println("saved " + checkpoint);
  }
}
