package io.grposcope.core.engine.flow.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.grposcope.core.config.RunConfig;
import io.grposcope.core.metrics.Histogram;
import io.grposcope.core.metrics.StepRecord;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report from synthetic records: files, tables and the claim checks follow the numbers given. */
class FlowReportTest {

    @Test
    void writesMarkdownAndPlotsFromTheRecords(@TempDir Path dir) throws Exception {
        RunConfig base = FlowComparison.baseConfig(3, 0, 1);
        Map<String, List<StepRecord>> runs = new LinkedHashMap<>();
        runs.put(FlowReport.VANILLA, records(-0.001, 0.01, 0.2));
        runs.put(FlowReport.GUARD, records(0.0, 0.0, 0.2));
        runs.put(FlowReport.TEMPFLOW, records(0.0, 0.0, 0.3));
        new FlowReport(base, runs).write(dir);

        String md = Files.readString(dir.resolve("report.md"));
        assertThat(md).contains("| 8 |", "| flow_grpo |", "| tempflow_grpo |");
        assertThat(md).contains("k=0 0.0000, k=8 -0.0080 -> present");
        assertThat(md).contains("Guard equalises the spread");
        assertThat(md).contains("TempFlow per-step reward std (claim: falls with k): k=0 0.9000, k=8 0.1000 -> present");
        for (String png : List.of("ratio_mean_per_step", "ratio_std_per_step", "log_ratio_mean_per_step",
                "clip_per_step", "tempflow_weights", "reward_std_per_step", "reward_curves")) {
            BufferedImage img = ImageIO.read(dir.resolve(png + ".png").toFile());
            assertThat(img.getWidth()).as(png).isEqualTo(760);
            assertThat(nonWhite(img)).as("%s has drawn pixels", png).isGreaterThan(2000);
        }
    }

    /** Three steps; log-ratio mean {@code -k·shift}, ratio std {@code 0.01 + k·growth}, reward at eval = evalReward. */
    private static List<StepRecord> records(double shift, double growth, double evalReward) {
        List<StepRecord> out = new ArrayList<>();
        for (int s = 1; s <= 3; s++) {
            StepRecord.Builder b = StepRecord.builder(100 + s, StepRecord.PHASE_GRPO);
            b.scalar("grpo/step", s).scalar("reward/mean", 0.1 * s).scalar("kl/ref", 0.01).scalar("grad/norm", 1);
            if (s == 1 || s == 3) {
                b.scalar("eval/reward/mean", s == 1 ? 0.1 : evalReward).scalar("eval/grpo_step", s - 1)
                        .scalar("eval/hit_rate", 0.5);
            }
            for (int k = 0; k < 9; k++) {
                String p = "t" + k + "/";
                double lr = k * shift;
                b.histogram(p + "log_ratio", Histogram.of(Histogram.linearEdges(-0.2, 0.2, 8), new float[] {(float) lr}));
                b.scalar(p + "ratio/mean", Math.exp(lr)).scalar(p + "ratio/std", 0.01 + k * growth)
                        .scalar(p + "ratio_raw/mean", 1).scalar(p + "ratio_raw/std", 0.02)
                        .scalar(p + "clip/frac_high", 0.01 * k).scalar(p + "clip/frac_low", 0.02 * k)
                        .scalar(p + "weight", 1.5 - 0.1 * k).scalar(p + "tau", 0.7 - 0.05 * k)
                        .scalar(p + "reward/std_group_mean", 0.9 - 0.1 * k);
            }
            out.add(b.build());
        }
        return out;
    }

    private static int nonWhite(BufferedImage img) {
        int n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                n += (img.getRGB(x, y) & 0xffffff) != 0xffffff ? 1 : 0;
            }
        }
        return n;
    }
}
