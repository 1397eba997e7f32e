package dev.unroll.search.io;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.unroll.search.Config;
import dev.unroll.search.Trial;
import dev.unroll.search.TrialResult;
import dev.unroll.search.TrialStatus;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One {@link TrialResult} (or a {@link Trial} to run) as one line of JSON. Doubles are written by {@link Double#toString},
 * which reads back to the same bits, so a config read from the file equals the config drawn. NaN
 * is not JSON: a missing accuracy or loss is left out of the object.
 */
public final class TrialJson {
  private TrialJson() {}

  /** The trial as a JSON object on one line. */
  public static String write(TrialResult r) {
    JsonObject o = new JsonObject();
    o.addProperty("stage", r.stage());
    o.addProperty("stageName", r.stageName());
    o.addProperty("index", r.index());
    o.add("config", config(r.config()));
    o.addProperty("seed", r.seed());
    o.addProperty("epochs", r.epochs());
    o.addProperty("status", r.status().name());
    if (!Double.isNaN(r.valAccuracy())) {
      o.addProperty("valAccuracy", r.valAccuracy());
    }
    if (Double.isFinite(r.valLoss())) {
      o.addProperty("valLoss", r.valLoss());
    }
    o.addProperty("epochsRun", r.epochsRun());
    o.addProperty("message", r.message());
    // Gson's default writer escapes control characters, so a message never breaks the line.
    return o.toString();
  }

  /**
   * The trial on {@code line}.
   *
   * @throws IllegalArgumentException when the line is not such an object (a line cut short by a
   *     crash, say)
   */
  public static TrialResult read(String line) {
    try {
      JsonObject o = JsonParser.parseString(line).getAsJsonObject();
      return new TrialResult(o.get("stage").getAsInt(), o.get("stageName").getAsString(),
          o.get("index").getAsInt(), config(o), o.get("seed").getAsLong(),
          o.get("epochs").getAsInt(), TrialStatus.valueOf(o.get("status").getAsString()),
          number(o, "valAccuracy"), number(o, "valLoss"), o.get("epochsRun").getAsInt(),
          o.has("message") ? o.get("message").getAsString() : "");
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("not a trial result: " + e.getMessage(), e);
    }
  }

  /**
   * A trial to run as a JSON object on one line: what a driver sends to the machine that runs it.
   * The config's doubles read back to the same bits, so the result's key matches the driver's.
   */
  public static String writeTrial(Trial t) {
    JsonObject o = new JsonObject();
    o.addProperty("stage", t.stage());
    o.addProperty("stageName", t.stageName());
    o.addProperty("index", t.index());
    o.add("config", config(t.config()));
    o.addProperty("seed", t.seed());
    o.addProperty("epochs", t.epochs());
    return o.toString();
  }

  /**
   * The trial on {@code line}, as {@link #writeTrial} wrote it.
   *
   * @throws IllegalArgumentException when the line is not such an object
   */
  public static Trial readTrial(String line) {
    try {
      JsonObject o = JsonParser.parseString(line).getAsJsonObject();
      return new Trial(o.get("stage").getAsInt(), o.get("stageName").getAsString(),
          o.get("index").getAsInt(), config(o), o.get("seed").getAsLong(),
          o.get("epochs").getAsInt());
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("not a trial: " + e.getMessage(), e);
    }
  }

  private static JsonObject config(Config c) {
    JsonObject config = new JsonObject();
    c.asMap().forEach(config::addProperty);
    return config;
  }

  private static Config config(JsonObject o) {
    Map<String, Double> values = new LinkedHashMap<>();
    for (Map.Entry<String, JsonElement> e : o.getAsJsonObject("config").entrySet()) {
      values.put(e.getKey(), e.getValue().getAsDouble());
    }
    return Config.of(values);
  }

  private static double number(JsonObject o, String name) {
    return o.has(name) && !o.get(name).isJsonNull() ? o.get(name).getAsDouble() : Double.NaN;
  }
}
