package io.grposcope.core.debug;

import io.grposcope.core.algo.spi.flow.FlowMethod;
import io.grposcope.core.control.LiveParam;
import io.grposcope.core.engine.flow.FlowReplay;
import io.grposcope.core.engine.flow.FlowTrace;
import io.grposcope.core.engine.flow.FlowTrainer;
import io.grposcope.core.metrics.StepRecord;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Connects the debugger to a {@link FlowTrainer}: captures its last GRPO update's rollout with every transition's
 * ratio, clip state, advantage and KL, and replays a captured rollout (from the weights the step started with,
 * when {@link PreStepStates} kept them) under the original or changed settings: another flow method, ε, β,
 * Guard on/off, global or per-prompt std, samples left out. Replays split the gradient by denoising step.
 */
public final class FlowDebugAdapter extends TrainerAdapter {

    /** {@link ReplaySettings#ADV_NORM} values for flow runs: std over the whole step column or per group. */
    public static final String STD_GLOBAL = "global";
    public static final String STD_GROUP = "group";
    static final String GUARD_ID = "grpo_guard";
    static final String VANILLA_ID = "flow_grpo";

    private final FlowTrainer trainer;

    /** @param states keeps each step's starting state for exact replays; null to replay from current weights */
    public FlowDebugAdapter(FlowTrainer trainer, PreStepStates states) {
        super(states);
        this.trainer = trainer;
    }

    // only GRPO steps can be captured, so pretraining steps need no kept state, except the last one, where the
    // first GRPO step starts (steps count from 1)
    @Override
    protected boolean keepsStateAfter(StepRecord record) {
        return StepRecord.PHASE_GRPO.equals(record.phase()) || record.step() >= trainer.config().flow().pretrainSteps();
    }

    @Override
    public Optional<BatchCapture> captureLastBatch() {
        FlowTrace t = trainer.lastTrace();
        StepRecord r = t == null ? null : grpoStepToCapture();
        if (r == null) {
            return Optional.empty();
        }
        Map<String, Double> params = new LinkedHashMap<>();
        for (LiveParam p : new LiveParam[] {LiveParam.LR, LiveParam.CLIP_LOW, LiveParam.CLIP_HIGH, LiveParam.KL_BETA,
            LiveParam.GROUP_SIZE}) {
            params.put(p.key(), trainer.param(p));
        }
        // the update's own bounds and β (a live change lands after the step)
        params.put(LiveParam.CLIP_LOW.key(), t.clipLow());
        params.put(LiveParam.CLIP_HIGH.key(), t.clipHigh());
        params.put(LiveParam.KL_BETA.key(), t.klBeta());
        return Optional.of(FlowCaptures.capture(t, r.step(), trainer.method().id(), params, r.scalar("loss/total"),
                r.scalar("grad/norm"), r.layerGradNorms(), trainer::promptText));
    }

    @Override
    public ReplayResult replay(BatchCapture capture, ReplaySettings settings, boolean perSample) {
        FlowCaptures.Rollout rollout = FlowCaptures.rollout(capture);
        return fromStartOf(capture.step(), () -> recompute(capture, rollout, settings, perSample));
    }

    private ReplayResult recompute(BatchCapture c, FlowCaptures.Rollout rollout, ReplaySettings s, boolean perSample) {
        FlowReplay.Settings fs = new FlowReplay.Settings(method(c, s),
                s.param(LiveParam.CLIP_LOW.key(), c.param(LiveParam.CLIP_LOW.key())),
                s.param(LiveParam.CLIP_HIGH.key(), c.param(LiveParam.CLIP_HIGH.key())),
                s.param(LiveParam.KL_BETA.key(), c.param(LiveParam.KL_BETA.key())), s.excludedSamples());
        FlowReplay.Report r = trainer.replay(rollout.batch(), rollout.trainedSteps(), fs, perSample);
        return new ReplayResult(r.loss(), r.globalNorm(), r.layerNorms(), r.sampleNorms(), r.steps(), r.stepNorms(),
                r.sampleStepNorms());
    }

    /**
     * The flow method a replay runs: the settings' id ("guard" on/off switches between GRPO-Guard and vanilla
     * Flow-GRPO), with the run's own plugin parameters when the id is the run's, and the std option applied.
     */
    FlowMethod method(BatchCapture c, ReplaySettings s) {
        String id = s.methodId();
        String guard = s.option(ReplaySettings.GUARD, "");
        if (guard.equals("on")) {
            id = GUARD_ID;
        } else if (guard.equals("off") && id.equals(GUARD_ID)) {
            id = VANILLA_ID;
        }
        Map<String, Object> params = new LinkedHashMap<>();
        if (id.equals(trainer.method().id())) {
            params.putAll(trainer.config().method().params());
        }
        String std = s.option(ReplaySettings.ADV_NORM, "");
        if (std.equals(STD_GLOBAL) || std.equals(STD_GROUP)) {
            params.put("global_std", std.equals(STD_GLOBAL));
        } else if (!std.isEmpty()) {
            throw new IllegalArgumentException("advantage std for flow runs is '" + STD_GLOBAL + "' or '" + STD_GROUP
                    + "', got '" + std + "'");
        }
        s.options().forEach((k, v) -> {
            if (!k.equals(ReplaySettings.GUARD) && !k.equals(ReplaySettings.ADV_NORM)) {
                params.put(k, v);
            }
        });
        return FlowTrainer.methodOf(id, params);
    }
}
