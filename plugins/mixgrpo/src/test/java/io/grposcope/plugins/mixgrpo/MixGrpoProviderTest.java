package io.grposcope.plugins.mixgrpo;

import io.grposcope.core.algo.spi.flow.SdeRollout;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grposcope.core.algo.spi.MethodRegistry;
import io.grposcope.core.algo.spi.flow.FlowBatch;
import io.grposcope.core.algo.spi.flow.FlowMethod;
import io.grposcope.core.algo.spi.flow.FlowRolloutRequest;
import io.grposcope.core.algo.spi.flow.FlowSampler;
import io.grposcope.core.algo.spi.flow.FlowSchedule;
import io.grposcope.core.algo.spi.flow.SdeDraw;
import io.grposcope.core.algo.spi.flow.StepSlice;
import io.grposcope.core.config.ConfigLoader;
import io.grposcope.core.config.RunConfig;
import io.grposcope.core.engine.flow.FlowMethods;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The provider through the registry, the mixed rollout on a fake sampler, and the bundled example config. */
class MixGrpoProviderTest {

    @Test
    void registryLoadsMixGrpoAndNamesTheClosestParameter() {
        MethodRegistry registry = MethodRegistry.builtin();
        assertThat(registry.find(MixGrpoProvider.ID)).isPresent();
        MixGrpoProvider p = new MixGrpoProvider();
        assertThatThrownBy(() -> MethodRegistry.validate(p, Map.of("window_sise", 3)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'mixgrpo' has no parameter 'window_sise'")
                .hasMessageContaining("did you mean [window_size]?");
        assertThatThrownBy(() -> MethodRegistry.validate(p, Map.of("strategy", "linear")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("mixgrpo");
        assertThatThrownBy(() -> MixGrpoProvider.schedule(MethodRegistry.validate(p, Map.of("min_iters", 5,
                "max_iters", 2)))).hasMessageContaining("min_iters (5) must not exceed max_iters (2)");
    }

    @Test
    void defaultsAreTheFluxScriptsAndTheSelectorNeedsTheStep() {
        MixGrpoProvider p = new MixGrpoProvider();
        WindowSchedule s = MixGrpoProvider.schedule(MethodRegistry.validate(p, Map.of()));
        assertThat(s).isEqualTo(new WindowSchedule(WindowSchedule.Strategy.PROGRESSIVE, 4, 25, 1, true, 10, 1, 0.1, 13));
        assertThat(MixGrpoProvider.schedule(MethodRegistry.validate(p, Map.of("overlap", false))).stride())
                .as("without overlap the window advances by W").isEqualTo(4);
        FlowMethod m = FlowMethods.create(new RunConfig.MethodConfig(MixGrpoProvider.ID, Map.of()));
        FlowSchedule sched = FlowSchedule.sd3(25, 3.0, 0.7);
        assertThat(m.selector().select(sched, 0.99, 25, new Random(1))).containsExactly(1, 2, 3, 4);
        assertThat(m.rollout()).isEqualTo(new SdeRollout(true, true));
        assertThatThrownBy(() -> m.selector().select(sched, 0.99, new Random(1)))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void rolloutUsesTheSdeOnlyInsideTheWindow() {
        CountingSampler sampler = new CountingSampler(FlowSchedule.sd3(8, 3.0, 0.7));
        FlowBatch b = new SdeRollout(true, false).rollout(sampler,
                new FlowRolloutRequest(new int[] {0, 1}, 3, new int[] {2, 3, 4}, new Random(5)));
        assertThat(sampler.sde).containsExactly(2, 3, 4);
        assertThat(sampler.ode).containsExactly(0, 1, 5, 6, 7);
        assertThat(b.slices()).extracting(StepSlice::step).containsExactly(2, 3, 4);
        for (StepSlice s : b.slices()) {
            assertThat(s.rows()).isEqualTo(6);
            assertThat(s.groupKeys()).containsExactly(0L, 0L, 0L, 1L, 1L, 1L);
        }
        assertThat(b.slices().get(1).x()).as("x_3 is the SDE successor drawn at step 2")
                .isSameAs(b.slices().get(0).next());
        // after the window the trajectory is the ODE's: the finals are Euler steps 5..7 from the last SDE draw
        float[][] x = b.slices().get(2).next();
        for (int k = 5; k < 8; k++) {
            x = sampler.odeStep(x, b.finalPrompts(), k);
        }
        assertThat(b.finals()).isDeepEqualTo(x);
        assertThat(b.slices().get(0).x()[0]).as("independent initial noise").isNotEqualTo(b.slices().get(0).x()[1]);
    }

    @Test
    void sameNoiseGroupsMeetTheWindowInOneState() {
        CountingSampler sampler = new CountingSampler(FlowSchedule.sd3(8, 3.0, 0.7));
        FlowBatch b = new SdeRollout(true, true).rollout(sampler,
                new FlowRolloutRequest(new int[] {0, 1}, 3, new int[] {2, 3}, new Random(5)));
        float[][] atStart = b.slices().get(0).x();
        assertThat(atStart[1]).isEqualTo(atStart[0]);
        assertThat(atStart[2]).isEqualTo(atStart[0]);
        assertThat(atStart[4]).isEqualTo(atStart[3]);
        assertThat(atStart[3]).as("another group, another noise").isNotEqualTo(atStart[0]);
        float[] finals = b.finalRewards();
        assertThat(finals[1]).as("the window's SDE draws tell a group's samples apart").isNotEqualTo(finals[0]);
    }

    @Test
    void exampleConfigLoadsWithTheReportsFlowSettings() throws Exception {
        String res = "/io/grposcope/assets/configs/flow-mixgrpo.yaml";
        RunConfig c;
        try (InputStream in = getClass().getResourceAsStream(res)) {
            assertThat(in).as(res).isNotNull();
            c = new ConfigLoader(Set.of("grpo", "flow_grpo", MixGrpoProvider.ID))
                    .parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), res, false);
        }
        RunConfig flowGrpo;
        try (InputStream in = getClass().getResourceAsStream("/io/grposcope/assets/configs/flow-grpo.yaml")) {
            flowGrpo = new ConfigLoader(Set.of("flow_grpo")).parse(new String(in.readAllBytes(),
                    StandardCharsets.UTF_8), "flow-grpo.yaml", false);
        }
        assertThat(c.isFlow()).isTrue();
        assertThat(c.flow()).isEqualTo(flowGrpo.flow());
        assertThat(c.ppo()).isEqualTo(flowGrpo.ppo());
        assertThat(c.seed()).isEqualTo(flowGrpo.seed());
        FlowMethod m = FlowMethods.create(c.method());
        FlowSchedule s = FlowSchedule.sd3(c.flow().denoisingSteps(), c.flow().shift(), c.flow().noiseLevel());
        List<Integer> starts = new ArrayList<>();
        for (int i = 0; i < c.steps(); i += 5) {
            starts.add(m.selector().select(s, 0.99, i, new Random(0))[0]);
        }
        assertThat(starts).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 0, 1, 2, 3);
    }

    /** A 1-D flow with velocity −x that records which steps ran the ODE and which the SDE. */
    private static final class CountingSampler implements FlowSampler {
        private final FlowSchedule schedule;
        final List<Integer> ode = new ArrayList<>();
        final List<Integer> sde = new ArrayList<>();

        CountingSampler(FlowSchedule schedule) {
            this.schedule = schedule;
        }

        @Override
        public FlowSchedule schedule() {
            return schedule;
        }

        @Override
        public int dim() {
            return 1;
        }

        @Override
        public float[][] initialNoise(int rows, Random rng) {
            float[][] x = new float[rows][1];
            for (float[] r : x) {
                r[0] = (float) rng.nextGaussian();
            }
            return x;
        }

        @Override
        public float[][] odeStep(float[][] x, int[] prompts, int step) {
            ode.add(step);
            return euler(x, step);
        }

        private float[][] euler(float[][] x, int step) {
            float[][] out = new float[x.length][1];
            for (int i = 0; i < x.length; i++) {
                out[i][0] = (float) (x[i][0] - x[i][0] * schedule.dt(step));
            }
            return out;
        }

        @Override
        public SdeDraw sdeStep(float[][] x, int[] prompts, int step, Random rng) {
            sde.add(step);
            float[][] mean = euler(x, step);
            float[][] next = new float[x.length][1];
            float[] lp = new float[x.length];
            for (int i = 0; i < x.length; i++) {
                double xi = rng.nextGaussian();
                next[i][0] = (float) (mean[i][0] + schedule.tau(step) * xi);
                lp[i] = (float) (-0.5 * xi * xi - Math.log(schedule.tau(step)));
            }
            return new SdeDraw(next, mean, lp);
        }

        @Override
        public float[] reward(float[][] x, int[] prompts) {
            float[] r = new float[x.length];
            for (int i = 0; i < x.length; i++) {
                r[i] = x[i][0];
            }
            return r;
        }
    }
}
