package io.grposcope.core.debug;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.grposcope.core.algo.GroupIndex;
import io.grposcope.core.algo.spi.ClipBounds;
import io.grposcope.core.algo.spi.LossSettings;
import io.grposcope.core.algo.spi.Method;
import io.grposcope.core.config.RunConfig;
import io.grposcope.core.control.LiveParam;
import io.grposcope.core.engine.GradientReplay;
import io.grposcope.core.engine.Methods;
import io.grposcope.core.engine.TokenBatch;
import io.grposcope.core.engine.TokenTrainer;
import io.grposcope.core.metrics.StepRecord;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Connects the debugger to a {@link TokenTrainer}: captures its last GRPO batch with the step's loss and norms,
 * and replays a captured batch through the trainer's gradient recomputation, from the weights that step started
 * with (see {@link PreStepStates}) when they are kept, under the captured or changed settings.
 */
public final class TokenDebugAdapter extends TrainerAdapter {

    private final TokenTrainer trainer;

    /** @param states keeps each step's starting state for exact replays; null to replay from current weights */
    public TokenDebugAdapter(TokenTrainer trainer, PreStepStates states) {
        super(states);
        this.trainer = trainer;
    }

    @Override
    public Optional<BatchCapture> captureLastBatch() {
        TokenBatch b = trainer.lastBatch();
        StepRecord r = b == null ? null : grpoStepToCapture();
        if (r == null) {
            return Optional.empty();
        }
        return Optional.of(TokenCaptures.capture(b, r.step(), trainer.config().method().id(), liveParams(),
                r.scalar("loss/total"), r.scalar("grad/norm"), r.layerGradNorms()));
    }

    private Map<String, Double> liveParams() {
        Map<String, Double> p = new LinkedHashMap<>();
        for (LiveParam lp : LiveParam.values()) {
            p.put(lp.key(), trainer.param(lp));
        }
        return p;
    }

    @Override
    public ReplayResult replay(BatchCapture capture, ReplaySettings settings, boolean perSample) {
        if (!BatchCapture.KIND_TOKEN.equals(capture.kind())) {
            throw new IllegalArgumentException("the token trainer cannot replay a " + capture.kind() + " batch");
        }
        return fromStartOf(capture.step(), () -> recompute(capture, settings, perSample));
    }

    private ReplayResult recompute(BatchCapture capture, ReplaySettings settings, boolean perSample) {
        TokenBatch batch = TokenCaptures.batch(capture);
        boolean sameMethod = settings.methodId().equals(capture.methodId()) && settings.options().isEmpty();
        Method method = sameMethod ? null : resolve(settings);
        if (method != null) {
            batch = withAdvantages(batch, method);
        }
        int[] kept = kept(batch.rows(), settings);
        TokenBatch used = kept.length == batch.rows() ? batch : batch.select(kept);
        LossSettings loss = lossSettings(settings);
        GradientReplay.Report r = method == null ? trainer.recomputeGradients(used, loss, perSample)
                : trainer.recomputeGradients(used, method, loss, perSample);
        return new ReplayResult(r.loss(), r.globalNorm(), r.layerNorms(), spread(r.perSampleNorms(), kept, batch.rows()));
    }

    private Method resolve(ReplaySettings s) {
        RunConfig c = trainer.config();
        Map<String, Object> params = new LinkedHashMap<>(c.method().id().equals(s.methodId())
                ? c.method().params() : Map.of());
        params.putAll(s.options());
        RunConfig alt = new RunConfig(c.schemaVersion(), c.name(), c.task(), c.policy(),
                new RunConfig.MethodConfig(s.methodId(), params), c.rollout(), c.optimizer(), c.ppo(), c.kl(),
                c.warmStart(), c.flow(), c.metrics(), c.seed(), c.device(), c.steps());
        return Methods.resolve(alt);
    }

    /** Another method may shape rewards and normalise advantages differently: recompute A from the rewards. */
    private TokenBatch withAdvantages(TokenBatch b, Method method) {
        float[] raw = new float[b.rows()];
        for (int i = 0; i < raw.length; i++) {
            raw[i] = (float) b.rewards()[i];
        }
        GroupIndex groups = GroupIndex.ofIds(b.groupIds());
        try (NDManager m = trainer.runManager().newSubManager()) {
            NDArray shaped = method.rewardShaper().shape(m.create(raw, new Shape(raw.length)), groups,
                    b.rolloutContext(trainer.config().rollout().maxNewTokens()));
            float[] adv = method.advantageEstimator().estimate(shaped, groups).toFloatArray();
            System.arraycopy(adv, 0, b.advantages(), 0, adv.length);
        }
        return b;
    }

    private LossSettings lossSettings(ReplaySettings s) {
        double clipC = trainer.config().ppo().clipC();
        ClipBounds clip = new ClipBounds(s.param(LiveParam.CLIP_LOW.key(), trainer.param(LiveParam.CLIP_LOW)),
                s.param(LiveParam.CLIP_HIGH.key(), trainer.param(LiveParam.CLIP_HIGH)),
                clipC > 1 ? clipC : Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY);
        return new LossSettings(clip, s.param(LiveParam.KL_BETA.key(), trainer.param(LiveParam.KL_BETA)),
                s.param(LiveParam.ENTROPY_COEF.key(), trainer.param(LiveParam.ENTROPY_COEF)));
    }

    private static int[] kept(int rows, ReplaySettings s) {
        return java.util.stream.IntStream.range(0, rows).filter(i -> !s.excludedSamples().contains(i)).toArray();
    }

    // Left-out samples get a zero attribution, so indices keep matching the capture.
    private static double[] spread(double[] norms, int[] kept, int rows) {
        if (norms == null) {
            return null;
        }
        double[] out = new double[rows];
        for (int k = 0; k < kept.length; k++) {
            out[kept[k]] = norms[k];
        }
        return out;
    }
}
