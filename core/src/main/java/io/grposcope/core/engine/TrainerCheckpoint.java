package io.grposcope.core.engine;

import ai.djl.ndarray.NDArray;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.grposcope.core.control.LiveParam;
import io.grposcope.core.policy.token.NamedParam;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A token run's checkpoint folder: policy.bin, adam_m.bin, adam_v.bin, reference.bin (once GRPO started) and
 * state.json (step counters, optimizer step, RNG state, live parameters, phase). Restoring all of them continues
 * the run bit for bit on the CPU.
 */
final class TrainerCheckpoint {

    private static final ObjectMapper JSON = new ObjectMapper();

    private TrainerCheckpoint() {
    }

    static void save(Path dir, TokenTrainer t) throws IOException {
        Files.createDirectories(dir);
        List<String> names = t.policyParams().stream().map(NamedParam::name).toList();
        StateFiles.write(dir.resolve("policy.bin"), names, arrays(t.policyParams()));
        StateFiles.write(dir.resolve("adam_m.bin"), names, Arrays.asList(t.adam().firstMoments()));
        StateFiles.write(dir.resolve("adam_v.bin"), names, Arrays.asList(t.adam().secondMoments()));
        List<NDArray> ref = t.referenceArrays();
        if (ref != null) {
            StateFiles.write(dir.resolve("reference.bin"), names, ref);
        } else {
            Files.deleteIfExists(dir.resolve("reference.bin"));
        }
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("format", 1);
        s.put("run", t.config().name());
        s.put("step", t.currentStep());
        s.put("phase", t.nextPhase());
        s.put("warmStepsDone", t.warmDone());
        s.put("grpoStepsDone", t.grpoDone());
        s.put("adamSteps", t.adam().steps());
        s.put("rngState", Long.toString(t.rng().state()));
        Map<String, Double> live = new LinkedHashMap<>();
        for (LiveParam p : LiveParam.values()) {
            live.put(p.key(), t.param(p));
        }
        s.put("live", live);
        s.put("hasReference", ref != null);
        JSON.writerWithDefaultPrettyPrinter().writeValue(dir.resolve("state.json").toFile(), s);
    }

    static void load(Path dir, TokenTrainer t) throws IOException {
        Path stateFile = dir.resolve("state.json");
        if (!Files.isRegularFile(stateFile)) {
            throw new IOException("no checkpoint in " + dir + " (state.json missing)");
        }
        Map<?, ?> s = JSON.readValue(stateFile.toFile(), Map.class);
        List<String> names = t.policyParams().stream().map(NamedParam::name).toList();
        boolean hasRef = Boolean.TRUE.equals(s.get("hasReference"));
        t.restoreCounters(number(s, "step"), number(s, "warmStepsDone"), number(s, "grpoStepsDone"), hasRef);
        StateFiles.read(dir.resolve("policy.bin"), names, arrays(t.policyParams()));
        StateFiles.read(dir.resolve("adam_m.bin"), names, Arrays.asList(t.adam().firstMoments()));
        StateFiles.read(dir.resolve("adam_v.bin"), names, Arrays.asList(t.adam().secondMoments()));
        if (hasRef) {
            StateFiles.read(dir.resolve("reference.bin"), names, t.referenceArrays());
        }
        t.adam().restore(number(s, "adamSteps"));
        t.rng().setState(Long.parseLong(s.get("rngState").toString()));
        Map<?, ?> live = (Map<?, ?>) s.get("live");
        for (LiveParam p : LiveParam.values()) {
            Object v = live.get(p.key());
            if (v != null) {
                t.restoreLive(p, ((Number) v).doubleValue());
            }
        }
    }

    private static long number(Map<?, ?> s, String key) throws IOException {
        Object v = s.get(key);
        if (!(v instanceof Number n)) {
            throw new IOException("checkpoint state.json lacks '" + key + "'");
        }
        return n.longValue();
    }

    private static List<NDArray> arrays(List<NamedParam> params) {
        List<NDArray> out = new ArrayList<>();
        params.forEach(p -> out.add(p.array()));
        return out;
    }
}
