package io.grposcope.app.ui.inspector;

import io.grposcope.core.debug.BatchCapture;
import io.grposcope.core.debug.CapturedSample;
import io.grposcope.core.debug.ReplayResult;
import io.grposcope.core.debug.SampleAttribution;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * View-model of the spike inspector: the captured batch, its samples ranked by attribution (by |advantage|
 * until the attribution arrives), the selected sample, the token colouring, the recent per-layer medians and a
 * status line. FX thread only; results from the engine are applied with {@link #applyAttribution}.
 */
public final class InspectorModel {

    /** One row of the ranking table. {@code gradNorm}/{@code share} are NaN until attribution is known. */
    public record Row(int rank, CapturedSample sample, double gradNorm, double share) {
    }

    private final BatchCapture batch;
    private final Map<String, Double> layerMedians;
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ObjectProperty<CapturedSample> selected = new SimpleObjectProperty<>();
    private final ObjectProperty<TokenColoring> coloring = new SimpleObjectProperty<>(TokenColoring.RATIO);
    private final StringProperty status = new SimpleStringProperty("");
    private final ObjectProperty<ReplayResult> replay = new SimpleObjectProperty<>();
    private final double advScale;
    private final double entropyScale;
    private final double klScale;
    private double contributionScale = 1;

    /** @param layerMedians each layer's median gradient norm over recent steps (empty when unknown) */
    public InspectorModel(BatchCapture batch, Map<String, Double> layerMedians) {
        this.batch = batch;
        this.layerMedians = Map.copyOf(layerMedians);
        this.advScale = batch.samples().stream().flatMapToDouble(s -> s.hasFlow() ? floats(s.flow().advantages())
                        : java.util.stream.DoubleStream.of(s.advantage())).map(Math::abs)
                .filter(Double::isFinite).max().orElse(1);
        this.entropyScale = batch.samples().stream().flatMapToDouble(s -> floats(s.entropy()))
                .filter(Double::isFinite).max().orElse(1);
        this.klScale = batch.samples().stream().filter(CapturedSample::hasFlow)
                .flatMapToDouble(s -> floats(s.flow().kl())).filter(Double::isFinite).max().orElse(1);
        rankByAdvantage();
    }

    private static java.util.stream.DoubleStream floats(float[] a) {
        return java.util.stream.IntStream.range(0, a.length).mapToDouble(i -> a[i]);
    }

    private void rankByAdvantage() {
        List<CapturedSample> order = batch.samples().stream()
                .sorted(Comparator.comparingDouble((CapturedSample s) -> Math.abs(s.advantage())).reversed()).toList();
        rows.clear();
        for (int i = 0; i < order.size(); i++) {
            rows.add(new Row(i + 1, order.get(i), Double.NaN, Double.NaN));
        }
        status.set("ranked by |advantage|; computing per-sample gradient attribution…");
        selectTop();
    }

    /** Replaces the ranking with the attribution's and selects the top sample. */
    public void applyAttribution(List<SampleAttribution> ranked) {
        rows.setAll(ranked.stream().map(a -> new Row(a.rank(), batch.sample(a.index()), a.gradNorm(), a.share()))
                .toList());
        status.set("ranked by the gradient norm of each sample's own loss term");
        selectTop();
    }

    /**
     * Keeps the replay behind the attribution: for flow batches its per-timestep split feeds the
     * contribution colouring and the per-step bars.
     */
    public void applyReplay(ReplayResult r) {
        if (r != null && r.sampleTimestepNorms() != null) {
            contributionScale = java.util.Arrays.stream(r.sampleTimestepNorms()).flatMapToDouble(java.util.Arrays::stream)
                    .filter(Double::isFinite).max().orElse(1);
        }
        replay.set(r);
    }

    /** The attribution replay (null until it arrives, and for sessions that do not give it). */
    public ObjectProperty<ReplayResult> replayProperty() {
        return replay;
    }

    /** Whether the batch is a flow run's (its "tokens" are trained denoising steps). */
    public boolean isFlow() {
        return BatchCapture.KIND_FLOW.equals(batch.kind());
    }

    /** The value the current colouring gives token (or denoising step) t of s; NaN when not known yet. */
    public double valueAt(CapturedSample s, int t) {
        TokenColoring c = coloring.get();
        return c == TokenColoring.CONTRIBUTION ? contributionAt(s, t) : c.value(s, t);
    }

    public void attributionFailed(Throwable t) {
        Throwable cause = t instanceof java.util.concurrent.CompletionException && t.getCause() != null ? t.getCause() : t;
        status.set("attribution unavailable: " + cause.getMessage() + " (ranked by |advantage|)");
    }

    private void selectTop() {
        selected.set(rows.isEmpty() ? null : rows.get(0).sample());
    }

    public BatchCapture batch() {
        return batch;
    }

    public ObservableList<Row> rows() {
        return rows;
    }

    public ObjectProperty<CapturedSample> selectedProperty() {
        return selected;
    }

    public ObjectProperty<TokenColoring> coloringProperty() {
        return coloring;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public Map<String, Double> layerMedians() {
        return layerMedians;
    }

    /** The saturation scale the current colouring uses for this batch. */
    public double scale() {
        return switch (coloring.get()) {
            case ADVANTAGE -> advScale;
            case RATIO -> ratioScale();
            case ENTROPY -> entropyScale;
            case KL -> klScale;
            case CONTRIBUTION -> contributionScale;
            default -> 1;
        };
    }

    // Flow runs clip at ε ≈ 0.01: saturating at log 2 would leave every chip white, so they saturate at the bound.
    private double ratioScale() {
        double eps = batch.param("clip_high");
        return isFlow() && eps > 0 && Double.isFinite(eps) ? Math.log1p(eps) : Math.log(2);
    }

    /** The hover text of token (or denoising step) t of sample s: every value kept for it. */
    public String tooltip(CapturedSample s, int t) {
        if (!s.hasFlow()) {
            return tokenTooltip(s, t);
        }
        io.grposcope.core.debug.FlowSteps f = s.flow();
        double contribution = contributionAt(s, t);
        return String.format("denoising step %d%nratio %.5f   log w %.3e%nlog p %.4f   old %.4f%n"
                        + "reward %.4f   advantage %.4f%nKL term %.3e   clip %s%ngrad norm of this term %s",
                s.responseTokens()[t], s.ratio()[t], Math.log(s.ratio()[t]), s.logp()[t], s.oldLogp()[t],
                f.rewards()[t], f.advantages()[t], f.kl()[t], s.clipAt(t),
                Double.isNaN(contribution) ? "(computing…)" : String.format("%.4g", contribution));
    }

    // Captures list samples in index order; fall back to a search for hand-made batches.
    int rowOf(CapturedSample s) {
        int i = s.index();
        return i >= 0 && i < batch.samples().size() && batch.samples().get(i) == s ? i : batch.samples().indexOf(s);
    }

    /** The gradient norm of sample s's own term at its trained step t, from the replay (NaN until it arrives). */
    private double contributionAt(CapturedSample s, int t) {
        ReplayResult r = replay.get();
        double[][] m = r == null ? null : r.sampleTimestepNorms();
        int row = rowOf(s);
        return m == null || row < 0 || t >= m[row].length ? Double.NaN : m[row][t];
    }

    /** The hover text of token t of sample s: every per-token value. */
    public static String tokenTooltip(CapturedSample s, int t) {
        return String.format("token %d '%s' (id %d)%nratio %.4f   log w %.4f%nlogp %.4f   old %.4f   ref %.4f%n"
                        + "advantage %.4f   entropy %.4f%nclip %s", t, s.tokenTextAt(t), s.responseTokens()[t],
                s.ratio()[t], Math.log(s.ratio()[t]), s.logp()[t], s.oldLogp()[t], s.refLogp()[t], s.advantage(),
                s.entropy()[t], s.clipAt(t));
    }
}
