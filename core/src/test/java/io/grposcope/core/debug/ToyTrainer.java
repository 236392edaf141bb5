package io.grposcope.core.debug;

import io.grposcope.core.config.RunConfig;
import io.grposcope.core.control.LiveParam;
import io.grposcope.core.engine.Checkpointable;
import io.grposcope.core.engine.EngineLoop;
import io.grposcope.core.metrics.StepRecord;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/**
 * A pure-Java trainer on the real {@link EngineLoop} for the debugger's tests: a linear "policy" w in R^8
 * (two 4-wide "layers"), groups of G samples x ~ N(0, I), reward 1 when w*·x > 0, group-normalised advantages,
 * per-sample loss −A_i (w·x_i)/B, plain SGD. Its gradients are exact in closed form, so tests can check
 * numbers; {@code injectAt} multiplies one sample's advantage by 100 at that step (a crafted spike).
 */
public final class ToyTrainer extends EngineLoop implements Checkpointable, CaptureSource, ReplayBackend, BatchSkipping {

    static final int D = 8;
    public static final int G = 4;
    static final int GROUPS = 3;

    private final double[] target = new double[D];
    private double[] w = new double[D];
    private Random rng;
    private double lr;
    private final long steps;
    private long injectAt = -1;
    private int injectSample = -1;
    private final Set<Long> skip = new HashSet<>();
    private BatchCapture last;
    private double[][] lastX;
    private double[] lastWeights;

    public ToyTrainer(RunConfig config, Path workDir, long steps) {
        super(config, workDir);
        this.steps = steps;
        this.lr = config.optimizer().lr();
    }

    public void inject(long step, int sample) {
        injectAt = step;
        injectSample = sample;
    }

    public double[] weights() {
        return w.clone();
    }

    @Override
    protected void open() {
        rng = new Random(config().seed());
        for (int k = 0; k < D; k++) {
            target[k] = (k % 2 == 0 ? 1 : -1) * (1 + k * 0.1);
        }
    }

    @Override
    protected String nextPhase() {
        return StepRecord.PHASE_GRPO;
    }

    @Override
    protected boolean hasNextStep() {
        return currentStep() < steps;
    }

    @Override
    protected StepRecord runStep(long step) {
        int b = G * GROUPS;
        double[][] x = new double[b][D];
        double[] reward = new double[b];
        for (int i = 0; i < b; i++) {
            for (int k = 0; k < D; k++) {
                x[i][k] = rng.nextGaussian();
            }
            reward[i] = dot(target, x[i]) + 0.3 * rng.nextGaussian() > dot(w, x[i]) ? 1 : 0;
        }
        double[] adv = advantages(reward);
        if (step == injectAt) {
            adv[injectSample] *= 100;
        }
        lastWeights = w.clone();
        lastX = x;
        last = capture(step, x, reward, adv);
        double[] g = grad(x, adv, Set.of());
        double lossBeforeUpdate = loss(x, adv, Set.of());
        if (!skip.contains(step)) {
            for (int k = 0; k < D; k++) {
                w[k] -= lr * g[k];
            }
        }
        StepRecord.Builder r = StepRecord.builder(step, StepRecord.PHASE_GRPO)
                .scalar("grad/norm", norm(g, 0, D)).scalar("reward/mean", mean(reward))
                .scalar("loss/total", lossBeforeUpdate);
        layerNorms(g).forEach(r::layerNorm);
        return r.build();
    }

    private BatchCapture capture(long step, double[][] x, double[] reward, double[] adv) {
        List<CapturedSample> samples = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            float lp = (float) dot(w, x[i]);
            samples.add(new CapturedSample(i, i / G, "prompt " + i / G, "x" + i, new int[]{i / G}, new int[]{i},
                    new String[]{"x" + i}, reward[i], adv[i], new float[]{lp}, new float[]{lp}, new float[]{0f},
                    new float[]{1f}, new float[]{0.5f}, new byte[]{0}));
        }
        double[] g = grad(x, adv, Set.of());
        return new BatchCapture(step, BatchCapture.KIND_TOKEN, "toy", Map.of("lr", lr), loss(x, adv, Set.of()),
                norm(g, 0, D), layerNorms(g), samples);
    }

    private static double[] advantages(double[] reward) {
        double[] a = new double[reward.length];
        for (int g0 = 0; g0 < reward.length; g0 += G) {
            double m = 0;
            for (int i = 0; i < G; i++) {
                m += reward[g0 + i] / G;
            }
            double v = 0;
            for (int i = 0; i < G; i++) {
                v += (reward[g0 + i] - m) * (reward[g0 + i] - m) / (G - 1);
            }
            for (int i = 0; i < G; i++) {
                a[g0 + i] = (reward[g0 + i] - m) / (Math.sqrt(v) + 1e-6);
            }
        }
        return a;
    }

    private static double[] grad(double[][] x, double[] adv, Set<Integer> excluded) {
        double[] g = new double[D];
        for (int i = 0; i < x.length; i++) {
            if (!excluded.contains(i)) {
                for (int k = 0; k < D; k++) {
                    g[k] += -adv[i] * x[i][k] / x.length;
                }
            }
        }
        return g;
    }

    private double loss(double[][] x, double[] adv, Set<Integer> excluded) {
        double l = 0;
        for (int i = 0; i < x.length; i++) {
            if (!excluded.contains(i)) {
                l += -adv[i] * dot(w, x[i]) / x.length;
            }
        }
        return l;
    }

    private static Map<String, Double> layerNorms(double[] g) {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("layer0", norm(g, 0, D / 2));
        m.put("layer1", norm(g, D / 2, D));
        return m;
    }

    static double norm(double[] g, int from, int to) {
        double s = 0;
        for (int k = from; k < to; k++) {
            s += g[k] * g[k];
        }
        return Math.sqrt(s);
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int k = 0; k < a.length; k++) {
            s += a[k] * b[k];
        }
        return s;
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double d : v) {
            s += d;
        }
        return s / v.length;
    }

    @Override
    protected void applyParam(LiveParam param, double value) {
        if (param == LiveParam.LR) {
            lr = value;
        }
    }

    @Override
    protected void release() {
    }

    @Override
    public Optional<BatchCapture> captureLastBatch() {
        return Optional.ofNullable(last);
    }

    /** Replays from the weights the captured step started with; "adv_scale" rescales advantages (a what-if knob). */
    @Override
    public ReplayResult replay(BatchCapture batch, ReplaySettings settings, boolean perSample) {
        if (batch.step() != last.step()) {
            throw new IllegalArgumentException("toy trainer keeps only the last step's inputs");
        }
        double[] saved = w;
        w = lastWeights;
        try {
            double scale = settings.param("adv_scale", 1.0);
            double[] adv = batch.samples().stream().mapToDouble(s -> s.advantage() * scale).toArray();
            double[] g = grad(lastX, adv, settings.excludedSamples());
            double[] per = null;
            if (perSample) {
                per = new double[adv.length];
                for (int i = 0; i < adv.length; i++) {
                    double[] only = new double[adv.length];
                    only[i] = adv[i];
                    per[i] = settings.excludedSamples().contains(i) ? 0 : norm(grad(lastX, only, Set.of()), 0, D);
                }
            }
            return new ReplayResult(loss(lastX, adv, settings.excludedSamples()), norm(g, 0, D), layerNorms(g), per);
        } finally {
            w = saved;
        }
    }

    @Override
    public void skipBatchAtStep(long step) {
        skip.add(step);
    }

    @Override
    public void saveState(Path dir) throws IOException {
        Files.createDirectories(dir);
        try (ObjectOutputStream out = new ObjectOutputStream(Files.newOutputStream(dir.resolve("state.bin")))) {
            out.writeObject(w.clone());
            out.writeObject(rng);
            out.writeLong(currentStep());
            out.writeDouble(lr);
        }
    }

    @Override
    public void loadState(Path dir) throws IOException {
        try (ObjectInputStream in = new ObjectInputStream(Files.newInputStream(dir.resolve("state.bin")))) {
            w = (double[]) in.readObject();
            rng = (Random) in.readObject();
            restoreStep(in.readLong());
            restoreParam(LiveParam.LR, in.readDouble());
        } catch (ClassNotFoundException e) {
            throw new IOException("bad toy checkpoint " + dir, e);
        }
    }
}
