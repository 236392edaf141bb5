package io.grposcope.core.algo.peer;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Checks every case of every *.json in the peer-vector directory (system property grposcope.peerVectors, else
 * env GRPOSCOPE_PEER_VECTORS, else ../shared/peer-vectors) against our math, with each file's tolerances.
 * Prints one line "peer vectors: N passed, M failed"; fails if M &gt; 0 or N = 0, naming the failing cases.
 */
class PeerVectorTest {

    @Test
    void everyPeerCaseMatches() throws IOException {
        Path dir = vectorDir();
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        int passed = 0;
        List<String> failed = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        try (NDManager manager = NDManager.newBaseManager()) {
            for (Path f : files) {
                JsonNode root = json.readTree(f.toFile());
                for (JsonNode c : root.path("cases")) {
                    Mismatches m = runCase(manager, c, root.get("tolerances"));
                    if (m.isEmpty()) {
                        passed++;
                    } else {
                        failed.add(f.getFileName() + "#" + c.path("id").asText() + ": " + m.items());
                    }
                }
            }
        }
        System.out.println("peer vectors: " + passed + " passed, " + failed.size() + " failed");
        assertThat(failed).as("failing peer cases in " + dir).isEmpty();
        assertThat(passed).as("peer cases read from " + dir).isPositive();
    }

    private static Mismatches runCase(NDManager manager, JsonNode c, JsonNode tolerances) {
        Mismatches m = new Mismatches();
        try (NDManager sub = manager.newSubManager()) {
            String fn = c.path("function").asText();
            switch (fn) {
                case "compute_grpo_outcome_advantage", "compute_grpo_vectorized_outcome_advantage" ->
                        AdvantageChecker.check(sub, c, tolerances, m);
                case "compute_policy_loss_vanilla", "compute_policy_loss_gspo" ->
                        PolicyLossChecker.check(sub, c, tolerances, m);
                case "agg_loss" -> AggKlEntropyChecker.aggLoss(sub, c, tolerances, m);
                case "kl_penalty" -> AggKlEntropyChecker.kl(sub, c, tolerances, m);
                case "entropy_from_logits" -> AggKlEntropyChecker.entropy(sub, c, tolerances, m);
                case "sde_step_with_logprob" -> FlowSdeChecker.check(sub, c, tolerances, m);
                default -> m.add("no checker for function '" + fn + "'");
            }
        } catch (RuntimeException e) {
            m.add("threw " + e);
        }
        return m;
    }

    static Path vectorDir() {
        String prop = System.getProperty("grposcope.peerVectors");
        if (prop != null && !prop.isBlank()) {
            return Path.of(prop);
        }
        String env = System.getenv("GRPOSCOPE_PEER_VECTORS");
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        Path local = Path.of("../shared/peer-vectors");
        return Files.isDirectory(local) ? local : Path.of("../../shared/peer-vectors");
    }
}
