package io.grposcope.core.engine.flow;

import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.jni.JniUtils;
import io.grposcope.core.algo.spi.flow.FlowBatch;
import io.grposcope.core.algo.spi.flow.FlowMethod;
import io.grposcope.core.algo.spi.flow.FlowRolloutRequest;
import io.grposcope.core.algo.spi.flow.FlowSchedule;
import io.grposcope.core.config.RunConfig;
import io.grposcope.core.control.LiveParam;
import io.grposcope.core.engine.Checkpointable;
import io.grposcope.core.engine.EngineLoop;
import io.grposcope.core.metrics.StepRecord;
import io.grposcope.core.policy.flow.VelocityNet;
import io.grposcope.core.task.flow.PointModesTask;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Random;

/**
 * Flow-matching run: first rectified-flow pretraining of the velocity net ({@code flow.pretrainSteps}), then
 * {@code steps} GRPO steps with the configured flow method (Flow-GRPO, GRPO-Guard, TempFlow-GRPO, ...),
 * each reporting per-timestep metrics {@code t{k}/…} and the run-level ones.
 */
public final class FlowTrainer extends EngineLoop implements Checkpointable, io.grposcope.core.debug.BatchSkipping {
    static final int EVAL_EVERY = 10;
    private static final int PRETRAIN_BATCH = 256;

    private final RunConfig cfg;
    private final java.util.Set<Long> skipSteps = new java.util.HashSet<>();
    private NDManager manager;
    private PointModesTask task;
    private FlowSchedule schedule;
    private VelocityNet policy;
    private FlowMethod method;
    private FlowPretrainer pretrainer;
    private FlowUpdate update;
    private VelocityNet reference;
    private FlowAdam grpoAdam;
    private FlowPolicySampler sampler;
    private FlowEval eval;
    private Random rng;
    private int pretrainDone;
    private int grpoDone;
    private double lr;
    private double clipLow;
    private double clipHigh;
    private double klBeta;
    private int groupSize;

    public FlowTrainer(RunConfig config, Path workDir) {
        super(config, workDir);
        this.cfg = config;
        this.method = FlowMethods.create(config.method());
    }

    @Override
    protected void open() {
        RunConfig.FlowConfig f = cfg.flow();
        manager = NDManager.newBaseManager();
        // a fresh thread starts with PyTorch grad mode on; collectors switch it on only while they are open
        JniUtils.setGradMode(false);
        // the velocity net is tiny: two intra-op threads on a busy 2-core machine spin instead of working
        // (200 pretrain + 3 GRPO steps took 110.7 s with 2 threads and 11.8 s with 1)
        JniUtils.setNumThreads(Integer.getInteger("grposcope.flow.threads", 1));
        task = PointModesTask.standard();
        schedule = FlowSchedule.sd3(f.denoisingSteps(), f.shift(), f.noiseLevel());
        policy = VelocityNet.create(manager, task.dim(), task.prompts(), f.hidden(), cfg.seed());
        pretrainer = new FlowPretrainer(manager, policy, task);
        rng = new Random(cfg.seed());
        lr = cfg.optimizer().lr();
        clipLow = cfg.ppo().clipLow();
        clipHigh = cfg.ppo().clipHigh();
        klBeta = cfg.kl().beta();
        groupSize = cfg.rollout().groupSize();
    }

    @Override
    protected String nextPhase() {
        return pretrainDone < cfg.flow().pretrainSteps() ? StepRecord.PHASE_PRETRAIN : StepRecord.PHASE_GRPO;
    }

    @Override
    protected boolean hasNextStep() {
        return pretrainDone < cfg.flow().pretrainSteps() || grpoDone < cfg.steps();
    }

    @Override
    protected StepRecord runStep(long step) {
        return StepRecord.PHASE_PRETRAIN.equals(nextPhase()) ? pretrainStep(step) : grpoStep(step);
    }

    private StepRecord pretrainStep(long step) {
        double[] r = pretrainer.step(rng, PRETRAIN_BATCH, cfg.warmStart().lr(), cfg.optimizer().gradClip());
        pretrainDone++;
        return StepRecord.builder(step, StepRecord.PHASE_PRETRAIN).scalar("loss/fm", r[0]).scalar("grad/norm", r[1])
                .build();
    }

    private StepRecord grpoStep(long step) {
        if (update == null) {
            startGrpo();
        }
        long t0 = System.nanoTime();
        StepRecord.Builder b = StepRecord.builder(step, StepRecord.PHASE_GRPO);
        int g = grpoDone + 1;
        if ((g - 1) % EVAL_EVERY == 0) {
            eval.write(b, g - 1);
        }
        int[] trained = method.selector().select(schedule, cfg.flow().timestepFraction(), grpoDone, rng);
        FlowBatch batch = method.rollout().rollout(sampler, new FlowRolloutRequest(prompts(), groupSize, trained, rng));
        FlowMetrics.writeRewards(b, batch, task, cfg.metrics().samplesPerStep());
        long t1 = System.nanoTime();
        update.apply(b, batch, trained, hyper(), rng, !skipSteps.remove(step));
        grpoDone++;
        if (grpoDone == cfg.steps()) {
            eval.write(b, grpoDone);
        }
        b.scalar("lr", lr).scalar("grpo/step", grpoDone);
        b.scalar("timing_s/rollout", (t1 - t0) / 1e9).scalar("timing_s/update", (System.nanoTime() - t1) / 1e9);
        return b.build();
    }

    private void startGrpo() {
        reference = policy.frozenCopy(manager);
        FlowLoss loss = new FlowLoss(policy, reference, schedule, method);
        grpoAdam = new FlowAdam(policy.parameters(), cfg.optimizer().beta1(), cfg.optimizer().beta2(),
                cfg.optimizer().eps());
        update = new FlowUpdate(manager, policy, loss, grpoAdam, method, schedule);
        sampler = new FlowPolicySampler(manager, policy, schedule, task);
        eval = new FlowEval(sampler, task, cfg.seed());
    }

    private int[] prompts() {
        int[] p = new int[cfg.rollout().promptsPerStep()];
        for (int i = 0; i < p.length; i++) {
            p[i] = i < task.prompts() ? i : rng.nextInt(task.prompts());
        }
        return p;
    }

    private FlowUpdate.Hyper hyper() {
        RunConfig.MetricsConfig m = cfg.metrics();
        return new FlowUpdate.Hyper(lr, clipLow, clipHigh, klBeta, cfg.optimizer().gradClip(),
                "TRANSITION_VAR".equalsIgnoreCase(cfg.flow().klDenominator()), Math.max(1, cfg.ppo().minibatches()),
                Math.max(1, cfg.ppo().epochs()), cfg.flow().advClipMax(), m.logRatioRange(), m.histogramBuckets());
    }

    @Override
    protected void applyParam(LiveParam param, double value) {
        switch (param) {
            case LR -> lr = positive(param, value);
            case CLIP_LOW -> clipLow = positive(param, value);
            case CLIP_HIGH -> clipHigh = positive(param, value);
            case KL_BETA -> klBeta = Math.max(0, value);
            case GROUP_SIZE -> groupSize = (int) Math.max(2, Math.round(value));
            default -> throw new IllegalArgumentException(param.key() + " has no meaning for a flow-matching run");
        }
    }

    private static double positive(LiveParam p, double v) {
        if (!(v > 0) || !Double.isFinite(v)) {
            throw new IllegalArgumentException(p.key() + " must be a positive number, got " + v);
        }
        return v;
    }

    @Override
    protected void release() {
        if (manager != null) {
            manager.close();
        }
    }

    @Override
    public void saveState(Path dir) throws IOException {
        try (DataOutputStream out = FlowCheckpoint.output(dir)) {
            FlowCheckpoint.writeHeader(out, new long[] {pretrainDone, grpoDone, currentStep()}, live(), rng);
            FlowCheckpoint.writeArrays(out, policy.parameters());
            FlowCheckpoint.writeAdam(out, pretrainer.adam());
            out.writeBoolean(update != null);
            if (update != null) {
                FlowCheckpoint.writeArrays(out, reference.parameters());
                FlowCheckpoint.writeAdam(out, grpoAdam);
            }
        }
    }

    @Override
    public void loadState(Path dir) throws IOException {
        long[] counters = new long[3];
        double[] live = new double[5];
        try (DataInputStream in = FlowCheckpoint.input(dir)) {
            Path file = dir.resolve(FlowCheckpoint.FILE);
            rng = FlowCheckpoint.readHeader(in, counters, live, file);
            FlowCheckpoint.readArrays(in, policy.parameters(), file);
            FlowCheckpoint.readAdam(in, pretrainer.adam(), file);
            if (in.readBoolean()) {
                if (update == null) {
                    startGrpo();
                }
                FlowCheckpoint.readArrays(in, reference.parameters(), file);
                FlowCheckpoint.readAdam(in, grpoAdam, file);
            } else {
                update = null;
            }
        }
        pretrainDone = (int) counters[0];
        grpoDone = (int) counters[1];
        restoreStep(counters[2]);
        LiveParam[] order = {LiveParam.LR, LiveParam.CLIP_LOW, LiveParam.CLIP_HIGH, LiveParam.KL_BETA,
            LiveParam.GROUP_SIZE};
        for (int i = 0; i < order.length; i++) {
            restoreParam(order[i], live[i]);
        }
    }

    private double[] live() {
        return new double[] {lr, clipLow, clipHigh, klBeta, groupSize};
    }

    /**
     * GRPO step {@code step} will roll out, score and differentiate as usual (the RNG moves as on the original
     * branch) but take no Adam step. Engine thread only (a rollback calls it there).
     */
    @Override
    public void skipBatchAtStep(long step) {
        skipSteps.add(step);
    }

    /** What the last GRPO update saw row by row (for batch capture), or null before the first one. */
    public FlowTrace lastTrace() {
        return update == null ? null : update.lastTrace();
    }

    /**
     * What-if replay: loss and gradients of a rollout under {@code settings} from the current weights, nothing of
     * the run changes (gradients are zeroed afterwards). Engine thread only, after GRPO has started.
     */
    public FlowReplay.Report replay(FlowBatch batch, int[] trainedSteps, FlowReplay.Settings settings,
                                    boolean perSample) {
        if (update == null) {
            throw new IllegalStateException("the flow run has no GRPO state yet (still pretraining)");
        }
        FlowUpdate.Hyper h = hyper();
        FlowUpdate.Hyper at = new FlowUpdate.Hyper(h.lr(), settings.clipLow(), settings.clipHigh(), settings.klBeta(),
                h.gradClip(), h.klTransitionVar(), 1, 1, h.advClipMax(), h.logRatioRange(), h.histBuckets());
        FlowLoss replayLoss = new FlowLoss(policy, reference, schedule, settings.method());
        return FlowReplay.run(manager, replayLoss, policy.parameters(), policy.parameterLayers(), batch, trainedSteps,
                settings, at, perSample);
    }

    /** Builds a flow method by id and parameters, as a config would (vanilla defaults filled in). */
    public static FlowMethod methodOf(String id, java.util.Map<String, Object> params) {
        return FlowMethods.create(new RunConfig.MethodConfig(id, params));
    }

    /** The run-scoped manager (for tests that check no arrays leak into it). Engine thread only. */
    public NDManager runManager() {
        return manager;
    }

    /** How the task words prompt {@code c}, for people reading a captured batch. */
    public String promptText(int c) {
        return task == null ? "prompt " + c : task.prompt(c);
    }

    /** The method this run trains with (after defaults). */
    public FlowMethod method() {
        return method;
    }
}
