package io.grposcope.core.engine.flow;

import io.grposcope.core.algo.spi.flow.SdeRollout;
import static org.assertj.core.api.Assertions.assertThat;

import io.grposcope.core.config.ConfigLoader;
import io.grposcope.core.config.RunConfig;
import io.grposcope.core.engine.flow.report.FlowComparison;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The example flow configs in assets load, are flow runs, and match the report's settings. */
class FlowExampleConfigsTest {

    @Test
    void exampleConfigsLoadAsFlowRunsWithTheReportSettings() throws Exception {
        ConfigLoader loader = new ConfigLoader(Set.of("grpo", "flow_grpo", "grpo_guard", "tempflow_grpo"));
        RunConfig report = FlowComparison.baseConfig(60, 1500, 7);
        for (String name : new String[] {"flow-grpo", "flow-grpo-guard", "flow-tempflow"}) {
            String res = "/io/grposcope/assets/configs/" + name + ".yaml";
            try (InputStream in = getClass().getResourceAsStream(res)) {
                assertThat(in).as(res).isNotNull();
                RunConfig c = loader.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), res, false);
                assertThat(c.isFlow()).isTrue();
                assertThat(c.flow()).isEqualTo(report.flow());
                assertThat(c.ppo().clipHigh()).isEqualTo(report.ppo().clipHigh());
                assertThat(c.optimizer().lr()).isEqualTo(report.optimizer().lr());
                assertThat(c.seed()).isEqualTo(report.seed());
            }
        }
        assertThat(FlowMethods.create(new RunConfig.MethodConfig("flow_grpo", null)).rollout())
                .isInstanceOf(SdeRollout.class);
    }
}
