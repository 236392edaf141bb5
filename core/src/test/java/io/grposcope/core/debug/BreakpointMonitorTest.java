package io.grposcope.core.debug;

import io.grposcope.core.config.RunConfig;
import io.grposcope.core.metrics.EventType;
import io.grposcope.core.metrics.RunEvent;
import io.grposcope.core.metrics.StepRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BreakpointMonitorTest {

    @TempDir
    Path dir;
    private final List<RunEvent> events = new ArrayList<>();

    private BreakpointMonitor monitor() {
        ToyTrainer idle = new ToyTrainer(RunConfig.defaults(), dir, 1);
        return new BreakpointMonitor(idle, new SpikeMonitor(events::add), null, null, events::add);
    }

    @Test
    void nonFiniteFiresOnLossOrGradOrEngineEventsButNotOnMetricsThatAreNaNByDesign() {
        BreakpointMonitor m = monitor();
        m.add(Breakpoint.onNonFinite(Breakpoint.Action.LOG));
        m.onStep(StepRecord.builder(1, "grpo").scalar("kl/ref", Double.NaN).scalar("grad/norm", 1).build());
        assertThat(m.hits()).isEmpty();
        m.onStep(StepRecord.builder(2, "grpo").scalar("loss/total", Double.POSITIVE_INFINITY).build());
        m.onStep(StepRecord.builder(3, "grpo").scalar("grad/norm", 1)
                .event(RunEvent.of(3, EventType.NON_FINITE, "grad norm NaN in minibatch 1")).build());
        assertThat(m.hits()).extracting(BreakpointHit::step).containsExactly(2L, 3L);
        assertThat(m.hits().get(0).reason()).isEqualTo("loss/total is Infinity");
        assertThat(m.hits().get(1).reason()).contains("minibatch 1");
        assertThat(events).filteredOn(e -> e.type() == EventType.BREAKPOINT).hasSize(2);
    }

    @Test
    void conditionsSeeTheStepAndDisabledBreakpointsStayQuiet() {
        BreakpointMonitor m = monitor();
        m.add(Breakpoint.when("late-clip", "step >= 3 && clip/frac_region > 0.3", Breakpoint.Action.LOG));
        m.add(Breakpoint.when("off", "step > 0", Breakpoint.Action.LOG).withEnabled(false));
        for (int s = 1; s <= 4; s++) {
            m.onStep(StepRecord.builder(s, "grpo").scalar("clip/frac_region", s == 2 || s == 4 ? 0.5 : 0.1).build());
        }
        assertThat(m.hits()).extracting(BreakpointHit::step).containsExactly(4L);
        assertThat(m.hits().get(0).captureId()).isEqualTo(-1);
    }

    @Test
    void aCaptureWithoutASourceIsReportedNotThrown() {
        BreakpointMonitor m = monitor();
        m.add(Breakpoint.when("b", "step == 1", Breakpoint.Action.CAPTURE_ONLY));
        m.onStep(StepRecord.builder(1, "grpo").build());
        // no ERROR per hit (flow runs keep no batch and would flood the charts); the BREAKPOINT event says so
        assertThat(events).extracting(RunEvent::type).containsExactly(EventType.BREAKPOINT);
        assertThat(events.get(0).data()).containsEntry("capture", "-1");
    }
}
