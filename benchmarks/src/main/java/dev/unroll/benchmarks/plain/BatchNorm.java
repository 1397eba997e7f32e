package dev.unroll.benchmarks.plain;

/**
 * Batch normalization as its own layer (CS231n's batchnorm_forward/backward): batch mean and
 * biased variance in training mode, running averages (momentum 0.9) in evaluation mode.
 */
public final class BatchNorm implements Layer {
  private static final float EPS = 1e-5f;
  private static final float MOMENTUM = 0.9f;
  private final int features;
  final float[] gamma;
  final float[] beta;
  final float[] dgamma;
  final float[] dbeta;
  private final float[] runningMean;
  private final float[] runningVar;
  private final float[] mean;
  private final float[] invStd;
  private final float[] xhat;
  private final float[] y;
  private final float[] dx;
  private final float[] sumDxhat;
  private final float[] sumDxhatXhat;
  private boolean training = true;

  /** Batch norm over {@code features} columns, gamma 1, beta 0, buffers for {@code maxBatch}. */
  public BatchNorm(int features, int maxBatch) {
    this.features = features;
    this.gamma = new float[features];
    this.beta = new float[features];
    this.dgamma = new float[features];
    this.dbeta = new float[features];
    this.runningMean = new float[features];
    this.runningVar = new float[features];
    this.mean = new float[features];
    this.invStd = new float[features];
    this.xhat = new float[maxBatch * features];
    this.y = new float[maxBatch * features];
    this.dx = new float[maxBatch * features];
    this.sumDxhat = new float[features];
    this.sumDxhatXhat = new float[features];
    java.util.Arrays.fill(gamma, 1f);
    java.util.Arrays.fill(runningVar, 1f);
  }

  @Override
  public void setTraining(boolean training) {
    this.training = training;
  }

  @Override
  public float[] forward(float[] x, int n) {
    int f = features;
    if (training) {
      for (int j = 0; j < f; j++) {
        mean[j] = 0f;
        invStd[j] = 0f;
      }
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < f; j++) {
          mean[j] += x[i * f + j];
        }
      }
      for (int j = 0; j < f; j++) {
        mean[j] /= n;
      }
      // invStd holds the variance until it is inverted below.
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < f; j++) {
          float d = x[i * f + j] - mean[j];
          invStd[j] += d * d;
        }
      }
      for (int j = 0; j < f; j++) {
        float var = invStd[j] / n;
        runningMean[j] = MOMENTUM * runningMean[j] + (1 - MOMENTUM) * mean[j];
        runningVar[j] = MOMENTUM * runningVar[j] + (1 - MOMENTUM) * var;
        invStd[j] = (float) (1.0 / Math.sqrt(var + EPS));
      }
    } else {
      for (int j = 0; j < f; j++) {
        mean[j] = runningMean[j];
        invStd[j] = (float) (1.0 / Math.sqrt(runningVar[j] + EPS));
      }
    }
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < f; j++) {
        float h = (x[i * f + j] - mean[j]) * invStd[j];
        xhat[i * f + j] = h;
        y[i * f + j] = gamma[j] * h + beta[j];
      }
    }
    return y;
  }

  @Override
  public float[] backward(float[] dout, int n) {
    int f = features;
    for (int j = 0; j < f; j++) {
      dgamma[j] = 0f;
      dbeta[j] = 0f;
      sumDxhat[j] = 0f;
      sumDxhatXhat[j] = 0f;
    }
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < f; j++) {
        float g = dout[i * f + j];
        float h = xhat[i * f + j];
        dgamma[j] += g * h;
        dbeta[j] += g;
        float dh = g * gamma[j];
        sumDxhat[j] += dh;
        sumDxhatXhat[j] += dh * h;
      }
    }
    // dx = invStd / n * (n dxhat - sum(dxhat) - xhat sum(dxhat xhat))
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < f; j++) {
        float dh = dout[i * f + j] * gamma[j];
        dx[i * f + j] =
            invStd[j] / n * (n * dh - sumDxhat[j] - xhat[i * f + j] * sumDxhatXhat[j]);
      }
    }
    return dx;
  }

  @Override
  public void update(float lr) {
    for (int j = 0; j < features; j++) {
      gamma[j] -= lr * dgamma[j];
      beta[j] -= lr * dbeta[j];
    }
  }
}
