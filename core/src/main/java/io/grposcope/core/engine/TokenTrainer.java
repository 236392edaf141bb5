package io.grposcope.core.engine;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.grposcope.core.algo.spi.LossSettings;
import io.grposcope.core.algo.spi.Method;
import io.grposcope.core.config.RunConfig;
import io.grposcope.core.control.LiveParam;
import io.grposcope.core.device.DeviceSelector;
import io.grposcope.core.metrics.StepRecord;
import io.grposcope.core.policy.token.NamedParam;
import io.grposcope.core.policy.token.TransformerConfig;
import io.grposcope.core.policy.token.TransformerLM;
import io.grposcope.core.task.CharTokenizer;
import io.grposcope.core.task.TokenTask;
import io.grposcope.core.task.TokenTasks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Token-policy GRPO run: a supervised warm start ({@code warmStart.steps} steps, phase "warm_start"), then
 * {@code steps} GRPO steps (phase "grpo") against a frozen copy of the warm-started policy as reference. All
 * native state lives in one run manager freed by {@link #close()}; each step runs in a sub-manager of it.
 */
public class TokenTrainer extends EngineLoop implements Checkpointable, io.grposcope.core.debug.BatchSkipping {
    private final java.util.Set<Long> skipSteps = new java.util.HashSet<>();

    private static final Logger LOG = LoggerFactory.getLogger(TokenTrainer.class);

    private final TokenTask task;
    private final Method method;
    private final Rng rng;
    private NDManager runManager;
    private TransformerLM policy;
    private TransformerLM reference;
    private Adam adam;
    private TokenRunParts parts;
    private long warmDone;
    private long grpoDone;
    private volatile TokenBatch lastBatch;

    public TokenTrainer(RunConfig config, Path workDir) {
        super(config, workDir);
        this.task = TokenTasks.create(config.task());
        this.method = Methods.resolve(config);
        this.rng = new Rng(config.seed());
        checkSizes(config, task);
    }

    private static void checkSizes(RunConfig c, TokenTask task) {
        int need = 1 + task.promptLength() + c.rollout().maxNewTokens();
        if (need > c.policy().context()) {
            throw new IllegalArgumentException("policy.context " + c.policy().context() + " is too short for task "
                    + task.id() + " difficulty " + task.difficulty() + ": BOS + prompt (" + task.promptLength()
                    + ") + rollout.maxNewTokens (" + c.rollout().maxNewTokens() + ") = " + need);
        }
        if (c.rollout().maxNewTokens() < task.maxSolutionLength() + 1) {
            throw new IllegalArgumentException("rollout.maxNewTokens " + c.rollout().maxNewTokens()
                    + " cannot hold the longest answer of " + task.id() + " (" + task.maxSolutionLength()
                    + " characters + EOS)");
        }
    }

    @Override
    protected void open() {
        Autograd.noGrad();
        // intra-op threads are process-wide in libtorch and a flow run lowers them to 1; take back the usual count
        ai.djl.pytorch.jni.JniUtils.setNumThreads(Integer.getInteger("ai.djl.pytorch.num_threads",
                Runtime.getRuntime().availableProcessors()));
        RunConfig c = config();
        Device device = DeviceSelector.ofMachine(LOG::warn).select(c.device(), false);
        runManager = NDManager.newBaseManager(device);
        RunConfig.PolicyConfig p = c.policy();
        TransformerConfig tc = new TransformerConfig(CharTokenizer.VOCAB_SIZE, p.dModel(), p.heads(), p.layers(),
                p.context());
        policy = TransformerLM.initialize(runManager, tc, rng, true);
        RunConfig.OptimizerConfig o = c.optimizer();
        adam = new Adam(runManager, policy.parameters(), o.beta1(), o.beta2(), o.eps(), o.weightDecay());
        parts = new TokenRunParts(c, task, method, runManager, policy, adam, rng);
    }

    @Override
    protected String nextPhase() {
        return warmDone < config().warmStart().steps() ? StepRecord.PHASE_WARM_START : StepRecord.PHASE_GRPO;
    }

    @Override
    protected boolean hasNextStep() {
        return grpoDone < config().steps();
    }

    @Override
    protected StepRecord runStep(long step) {
        if (warmDone < config().warmStart().steps()) {
            RunConfig.WarmStartConfig w = config().warmStart();
            StepRecord r = WarmStart.step(step, task, policy, adam, rng, runManager, w.batchSize(), w.lr(),
                    config().optimizer().gradClip());
            warmDone++;
            return r;
        }
        if (reference == null) {
            startGrpo();
        }
        TokenBatch[] batch = new TokenBatch[1];
        StepRecord r = new GrpoStep(parts, reference).run(step, (int) grpoDone, live(), batch,
                !skipSteps.remove(step));
        lastBatch = batch[0];
        grpoDone++;
        return r;
    }

    /**
     * Step {@code step} will draw, score and differentiate its batch as usual (the RNG moves as it did on the
     * original branch) but apply no optimizer update. Engine thread only (a rollback calls it there).
     */
    @Override
    public void skipBatchAtStep(long step) {
        skipSteps.add(step);
    }

    /** The reference is the warm-started policy, frozen; the optimizer starts afresh for RL. */
    private void startGrpo() {
        reference = policy.copy(runManager, false);
        adam.reset();
    }

    TokenRunParts.Live live() {
        return new TokenRunParts.Live(param(LiveParam.LR), param(LiveParam.CLIP_LOW), param(LiveParam.CLIP_HIGH),
                param(LiveParam.KL_BETA), param(LiveParam.TEMPERATURE), param(LiveParam.ENTROPY_COEF),
                (int) Math.round(param(LiveParam.GROUP_SIZE)));
    }

    @Override
    protected void applyParam(LiveParam p, double value) {
        boolean ok = switch (p) {
            case LR, KL_BETA -> value >= 0 && Double.isFinite(value);
            case CLIP_LOW, CLIP_HIGH -> value >= 0 && value < 10;
            case TEMPERATURE -> value > 0 && value <= 10;
            case ENTROPY_COEF -> Double.isFinite(value);
            case GROUP_SIZE -> value >= 1 && value <= 1024 && value == Math.rint(value);
        };
        if (!ok) {
            throw new IllegalArgumentException(p.key() + " = " + value + " is out of range");
        }
    }

    @Override
    protected void release() {
        if (runManager != null) {
            runManager.close();
        }
    }

    /** The last GRPO step's batch as plain arrays (null before the first GRPO step). Any thread may read it. */
    public TokenBatch lastBatch() {
        return lastBatch;
    }

    /** The run-scoped manager (for tests that check no arrays leak into it). Engine thread only. */
    public NDManager runManager() {
        return runManager;
    }

    /**
     * Recomputes loss and gradients of {@code batch} under {@code settings} with the current weights, without
     * changing them; engine thread only (use {@link #runOnEngine}). See {@link GradientReplay}.
     */
    public GradientReplay.Report recomputeGradients(TokenBatch batch, LossSettings settings, boolean perSample) {
        return GradientReplay.run(parts, batch, settings, live().temperature(), perSample);
    }

    /**
     * As {@link #recomputeGradients(TokenBatch, LossSettings, boolean)}, under another method (a what-if replay
     * with a different plugin or plugin parameters); nothing of the run changes. Engine thread only.
     */
    public GradientReplay.Report recomputeGradients(TokenBatch batch, Method other, LossSettings settings,
                                                    boolean perSample) {
        TokenRunParts p = new TokenRunParts(parts.config(), parts.task(), other, parts.runManager(), parts.policy(),
                parts.adam(), parts.rng());
        return GradientReplay.run(p, batch, settings, live().temperature(), perSample);
    }

    /** Current loss settings built from the live parameters. */
    public LossSettings lossSettings() {
        return live().lossSettings(config());
    }

    // ---- checkpoints ----

    @Override
    public void saveState(Path dir) throws IOException {
        TrainerCheckpoint.save(dir, this);
    }

    @Override
    public void loadState(Path dir) throws IOException {
        TrainerCheckpoint.load(dir, this);
    }

    long warmDone() {
        return warmDone;
    }

    long grpoDone() {
        return grpoDone;
    }

    Rng rng() {
        return rng;
    }

    Adam adam() {
        return adam;
    }

    List<NamedParam> policyParams() {
        return policy.parameters();
    }

    List<NDArray> referenceArrays() {
        return reference == null ? null : reference.parameters().stream().map(NamedParam::array).toList();
    }

    void restoreCounters(long step, long warm, long grpo, boolean hasReference) {
        restoreStep(step);
        warmDone = warm;
        grpoDone = grpo;
        if (hasReference && reference == null) {
            reference = policy.copy(runManager, false);
        } else if (!hasReference && reference != null) {
            reference.parameters().forEach(p -> p.array().close());
            reference = null;
        }
        lastBatch = null;
    }

    void restoreLive(LiveParam p, double v) {
        restoreParam(p, v);
    }
}
